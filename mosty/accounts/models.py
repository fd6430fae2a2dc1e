from typing import ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from mosty.core.personal_data import Basis, Category, Erase, PersonalData, UNTIL_ERASED


class Role(models.TextChoices):
    PARTICIPANT = "participant", _("participant")
    COORDINATOR = "coordinator", _("coordinator")
    FACILITATOR = "facilitator", _("facilitator / expert")
    OFFICIAL = "official", _("official")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: object) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> "User":
        # E-mail addresses are matched case-insensitively at login.
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an e-mail address; staff is `is_staff`."""

    PERSONAL_DATA = PersonalData(
        Category.ACCOUNT, _("the account: logging in, contacting the person"), Basis.CONTRACT,
        UNTIL_ERASED, fields=("email", "full_name", "phone"), erase=Erase.ANONYMISE)

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices,
                            default=Role.PARTICIPANT)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # The language the person last chose in the interface; e-mails are written in it.
    language = models.CharField(_("language"), max_length=10, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # When the person proved they read this address (a confirmation link or a password reset
    # by e-mail). Accounts made by staff, commands and the demo count as confirmed; only
    # self-service sign-up starts unconfirmed (accounts.services.sign_up).
    email_confirmed_at = models.DateTimeField(_("e-mail address confirmed"), null=True,
                                              blank=True, default=timezone.now)
    confirmation_sent_at = models.DateTimeField(_("confirmation link last sent"), null=True,
                                                blank=True)
    # Part of what every session of the account is signed with: a new value ends all of them
    # ("log out my other sessions"), with database and cache (Redis) sessions alike.
    session_salt = models.CharField(_("session salt"), max_length=32, blank=True,
                                    editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django signs sessions with the password hash (a new password ends other sessions);
        # the salt adds a way to end them without one. An empty salt keeps Django's hash.
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        return salted_hmac(key_salt, self.password + self.session_salt, secret=secret,
                           algorithm="sha256").hexdigest()

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    @property
    def is_coordinator(self) -> bool:
        """The global role (or staff). It opens nothing of a programme or an organisation by
        itself: ask mosty.programmes.access and mosty.directory.access instead."""
        return self.is_staff or self.role == Role.COORDINATOR
