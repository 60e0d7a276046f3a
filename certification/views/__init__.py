"""Screens of certification, one module per audience: the learner (``learner``), anyone checking a
certificate (``verify``), a centre's staff (``centre``) and the exam tablet's JSON API (``exam_api``)."""
