"""The demo catalogue: the competence framework and one module per course.

Each course module exposes ``COURSE`` (see ``emails.py`` for the shape) and may expose
``TRANSLATIONS = {"en": {...}, "ar": {...}}`` with the same structure and the same lesson slugs.
Images are paths relative to ``courses/demo/images``; hotspot zones are keys of ``images/zones.json``;
question competences are codes of ``COMPETENCES``.
"""

COMPETENCES = [
    {
        "code": "APP",
        "domain": "Utiliser un appareil",
        "name": "Utiliser une tablette ou un ordinateur",
        "description": "Toucher, faire défiler, utiliser le clavier et la touche @, ouvrir et fermer une application. "
        "Preuve : écrit une adresse avec @.",
    },
    {
        "code": "SEC",
        "domain": "Sécurité",
        "name": "Être en sécurité sur Internet",
        "description": "Mots de passe, données personnelles, arnaques par e-mail et par SMS. "
        "Preuve : repère un faux message.",
    },
    {
        "code": "COM",
        "domain": "Communiquer",
        "name": "Communiquer par e-mail",
        "description": "L'adresse, lire, répondre, envoyer une pièce jointe. "
        "Preuve : envoie une réponse avec une pièce jointe.",
    },
    {
        "code": "DEM",
        "domain": "Démarches",
        "name": "Faire ses démarches en ligne",
        "description": "Améli, CAF, messages officiels. Preuve : télécharge une attestation de droits.",
    },
    {
        "code": "EMP",
        "domain": "Emploi",
        "name": "Chercher un emploi en ligne",
        "description": "Offres, CV, candidature, entretien en visio. Preuve : envoie une candidature par e-mail.",
    },
    {
        "code": "COD",
        "domain": "Code",
        "name": "Comprendre ce qu'est le code",
        "description": "Instructions, HTML, un premier programme. Preuve : dit ce qu'une ligne de code affiche.",
    },
]

# The catalogue, in the order learners see it.
COURSE_MODULES = ["emails", "ameli", "caf", "emploi", "code", "referent"]
