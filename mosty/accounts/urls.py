from django.contrib.auth import views as auth_views
from django.urls import path

from mosty.accounts import security_views, views

app_name = "accounts"

urlpatterns = [
    path("login/", security_views.LoginView.as_view(), name="login"),
    path("login/code/", security_views.login_code, name="login_code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.signup, name="signup"),
    path("me/", views.profile, name="profile"),
    path("confirm/", views.resend_confirmation, name="resend_confirmation"),
    path("confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("password/change/", security_views.PasswordChangeView.as_view(),
         name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(
        template_name="accounts/password_change_done.html"), name="password_change_done"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(
        template_name="accounts/password_reset_done.html"), name="password_reset_done"),
    path("password/reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("password/reset/complete/", auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"), name="password_reset_complete"),
    # Account security (docs/security.md).
    path("security/", security_views.security_page, name="security"),
    path("security/two-factor/setup/", security_views.two_factor_setup,
         name="two_factor_setup"),
    path("security/two-factor/codes/", security_views.two_factor_codes,
         name="two_factor_codes"),
    path("security/two-factor/disable/", security_views.two_factor_disable,
         name="two_factor_disable"),
    path("security/sessions/end/", security_views.end_other_sessions,
         name="end_other_sessions"),
]
