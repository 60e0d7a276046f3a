"""Pages of the community app: the learners' side (``learner``), the hosts' (``hosting``, ``check_in``)
and the managers' (``referents``)."""
