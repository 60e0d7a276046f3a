"""The centres app's views, one module per screen family: tablet (the shared tablet and its
enrolment), joining, learners, cards and privacy (staff side). centres/urls.py routes them all."""
