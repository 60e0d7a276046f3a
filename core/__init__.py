"""Small helpers that every app may use and that belong to no domain. Imports no app."""
