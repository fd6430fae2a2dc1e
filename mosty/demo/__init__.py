"""The demo: `mosty demo` loads the five seed programmes with their organisations, accounts
and each module's demo content. It sits on top of every other app; nothing imports it."""
