"""The accounts app's views, one module per screen family: session (sign in and out), cards (signing
in by card or learner code) and privacy (« my data »). accounts/urls.py routes them all."""
