from django.contrib.auth.hashers import PBKDF2PasswordHasher


class LearnerSecretHasher(PBKDF2PasswordHasher):
    """For picture passwords and PINs. They have only 1 320 or 10 000 possible values, so a slow
    hash adds nothing against someone holding the database, while the lockout after five tries is
    what protects them online; a lighter hash keeps tablet sign-in and imports of 1 000 learners
    fast."""

    algorithm = "pbkdf2_learner"
    iterations = 20_000
