"""Thin views: coordinators' pages (`manage`, `seating`) and participants' (`phone`)."""
