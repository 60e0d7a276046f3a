"""Course 2 — Améli (DEM, SEC): the health-insurance account. Every screen is a simulation."""

from ._build import (
    choice,
    hotspot,
    hotspot_question,
    image,
    multiple_choice,
    ordering,
    single_choice,
    tip,
    true_false,
    warning,
)


def img(name):
    return f"ameli/{name}.webp"


LESSON_ACCOUNT = {
    "slug": "compte-ameli",
    "title": "Le compte Améli : à quoi ça sert ?",
    "summary": "Le numéro de sécurité sociale, et ce que le compte te donne.",
    "estimated_minutes": 10,
    "steps": [
        image(img("home"), "<p>Le <b>compte Améli</b> est ton espace de l'Assurance Maladie sur Internet.</p>"
              "<p>Tu y trouves tes papiers, tes remboursements et tes messages.</p>"),
        image(img("secu-number"), "<p>Pour te connecter, il faut ton <b>numéro de sécurité sociale</b>.</p>"
              "<p>Il a <b>15 chiffres</b>.</p>"),
        image(img("vitale-card"), "<p>Ton numéro est écrit sur ta <b>carte Vitale</b>.</p>"),
        hotspot(img("vitale-card"), "ameli/vitale-card#number", "<p>Touche le <b>numéro</b> sur la carte.</p>",
                "Bravo ! C'est ton numéro de sécurité sociale.", "Pas ici. Le numéro est en bas de la carte."),
        image(img("attestation-paper"), "<p>Le numéro est aussi sur ton <b>attestation de droits</b>.</p>"),
        tip("<p>Pas encore de carte Vitale ? Le numéro est sur ton <b>attestation</b>.</p>"),
        single_choice("<p>Combien de <b>chiffres</b> a le numéro de sécurité sociale ?</p>",
                      [choice("10"), choice("15", correct=True), choice("20")],
                      "Bravo ! Il a 15 chiffres.", "Pas tout à fait. Compte encore : il a 15 chiffres.", "DEM",
                      image_path=img("secu-number")),
        multiple_choice("<p>Que peux-tu faire avec le compte Améli ? Choisis tout ce qui est juste.</p>",
                        [choice("Télécharger une attestation", correct=True),
                         choice("Voir mes remboursements", correct=True),
                         choice("Écrire à ma caisse", correct=True), choice("Payer mon loyer")],
                        "Bravo ! Attestation, remboursements et messages.",
                        "Presque. Le loyer ne se paie pas sur Améli. Le reste est juste.", "DEM"),
        true_false("<p>Mon numéro de sécurité sociale est écrit sur ma <b>carte Vitale</b>.</p>", True,
                   "Oui ! Il est écrit sur la carte.", "Si : le numéro est écrit sur la carte Vitale.", "DEM"),
    ],
}

LESSON_SIGN_IN = {
    "slug": "se-connecter",
    "title": "Se connecter",
    "summary": "Le numéro, le mot de passe, « mot de passe oublié » et FranceConnect.",
    "estimated_minutes": 10,
    "steps": [
        image(img("login"), "<p>Voici la page pour <b>se connecter</b>.</p>"
              "<p>Il faut ton <b>numéro</b> et ton <b>mot de passe</b>.</p>"),
        hotspot(img("login"), "ameli/login#forgot", "<p>Tu as oublié ton mot de passe ? "
                "Touche <b>Mot de passe oublié ?</b></p>",
                "Bravo ! Tu vas pouvoir en créer un nouveau.", "Pas ici. Le lien est sous le mot de passe."),
        image(img("forgot"), "<p>Écris ton numéro et ta date de naissance.</p>"
              "<p>Tu reçois un <b>lien par e-mail</b> pour créer un nouveau mot de passe.</p>"),
        image(img("franceconnect"), "<p>Autre solution : <b>FranceConnect</b>.</p>"
              "<p>Tu utilises un compte que tu as déjà, par exemple celui des impôts.</p>"),
        warning("<p>Ne donne <b>jamais</b> ton mot de passe, même au téléphone.</p>"
                "<p>L'Assurance Maladie ne le demande jamais.</p>"),
        hotspot_question("<p>Touche la case où on écrit le <b>numéro de sécurité sociale</b>.</p>", img("login"),
                         "ameli/login#number", "Bravo ! C'est la bonne case.",
                         "Pas ici. Cherche la case « Numéro de sécurité sociale », en haut.", "DEM"),
        single_choice("<p>Quelle information ne faut-il <b>jamais</b> donner au téléphone ?</p>",
                      [choice("Mon mot de passe", correct=True), choice("Le jour de mon rendez-vous"),
                       choice("Ma langue")],
                      "Bravo ! Ton mot de passe est secret.",
                      "Attention : le mot de passe est secret. On ne le donne jamais.", "SEC"),
        true_false("<p>J'ai oublié mon mot de passe. Je touche « <b>Mot de passe oublié ?</b> ».</p>", True,
                   "Oui ! C'est le bon lien.", "Si : ce lien sert à créer un nouveau mot de passe.", "DEM"),
    ],
}

LESSON_ATTESTATION = {
    "slug": "attestation-de-droits",
    "title": "Télécharger une attestation de droits",
    "summary": "Mes démarches, l'attestation en PDF, l'envoyer par e-mail.",
    "estimated_minutes": 10,
    "steps": [
        image(img("attestation-paper"), "<p>L'<b>attestation de droits</b> prouve que tu as une assurance "
              "maladie.</p><p>Le médecin, l'hôpital ou une association peuvent la demander.</p>"),
        hotspot(img("home"), "ameli/home#demarches", "<p>Dans ton compte, touche <b>Mes démarches</b>.</p>",
                "Bravo ! Tu vois la liste des démarches.", "Pas ici. Mes démarches est en haut, à gauche."),
        image(img("demarches"), "<p>Choisis <b>Obtenir une attestation de droits</b>.</p>"),
        image(img("attestation-download"), "<p>Vérifie ton nom. Puis touche <b>Télécharger</b>.</p>"),
        image(img("pdf"), "<p>L'attestation s'ouvre : c'est un fichier <b>PDF</b>.</p>"
              "<p>Avec <b>Partager</b>, tu peux l'envoyer par e-mail.</p>"),
        tip("<p>Pour envoyer le PDF, regarde le cours <b>Les e-mails</b> : « Envoyer une pièce jointe ».</p>"),
        ordering("<p>Mets les étapes dans l'<b>ordre</b>.</p>",
                 ["Se connecter au compte", "Toucher « Mes démarches »",
                  "Choisir « Obtenir une attestation de droits »", "Toucher « Télécharger »",
                  "Envoyer le PDF par e-mail"],
                 "Bravo ! Tu sais obtenir ton attestation.",
                 "Pas encore. On se connecte d'abord, on envoie à la fin.", "DEM"),
        hotspot_question("<p>Touche <b>Télécharger</b>.</p>", img("attestation-download"),
                         "ameli/attestation-download#download", "Bravo ! L'attestation se télécharge.",
                         "Pas ici. Cherche le bouton vert « Télécharger ».", "DEM"),
        true_false("<p>L'attestation de droits est un fichier <b>PDF</b>.</p>", True,
                   "Oui ! Tu peux la garder ou l'envoyer.", "Si : l'attestation est un fichier PDF.", "DEM"),
    ],
}

LESSON_MESSAGES = {
    "slug": "messagerie-et-carte-vitale",
    "title": "La messagerie et la carte Vitale",
    "summary": "Lire un message de la caisse, commander une carte Vitale, déclarer une nouvelle adresse.",
    "estimated_minutes": 8,
    "steps": [
        image(img("home"), "<p>Dans ton compte, il y a <b>Ma messagerie</b>.</p>"
              "<p>La caisse t'écrit là. Tu peux lui répondre.</p>"),
        hotspot(img("home"), "ameli/home#messagerie", "<p>Tu as un nouveau message. Touche <b>Ma messagerie</b>.</p>",
                "Bravo ! Tu vas lire le message.", "Pas ici. Cherche « Ma messagerie », en bas à gauche."),
        image(img("vitale-card"), "<p>La <b>carte Vitale</b> se montre chez le médecin et à la pharmacie.</p>"
              "<p>Tu es remboursé plus vite.</p>"),
        image(img("demarches"), "<p>Dans <b>Mes démarches</b> : commander une carte Vitale, "
              "ou déclarer une <b>nouvelle adresse</b>.</p>"),
        tip("<p>Tu as déménagé ? Déclare ta <b>nouvelle adresse</b> tout de suite.</p>"
            "<p>Sinon, tes courriers partent à l'ancienne adresse.</p>"),
        hotspot_question("<p>Tu as perdu ta carte Vitale. Touche la bonne case.</p>", img("home"),
                         "ameli/home#carte", "Bravo ! Ma carte Vitale sert à déclarer une perte.",
                         "Pas ici. Cherche « Ma carte Vitale ».", "DEM"),
        true_false("<p>La messagerie sert à écrire à ma caisse d'Assurance Maladie.</p>", True,
                   "Oui ! Tu écris et tu lis les réponses.", "Si : la messagerie sert à écrire à ta caisse.",
                   "DEM"),
        single_choice("<p>Tu as déménagé. Que fais-tu ?</p>",
                      [choice("Je déclare ma nouvelle adresse", correct=True),
                       choice("Je commande une carte Vitale"), choice("Je ne fais rien")],
                      "Bravo ! Déclare ta nouvelle adresse dans Mes démarches.",
                      "Pas tout à fait. Il faut déclarer ta nouvelle adresse.", "DEM"),
    ],
}

COURSE = {
    "slug": "ameli",
    "title": "Améli",
    "summary": "Le compte de l'Assurance Maladie : se connecter, télécharger une attestation, les messages.",
    "level": "beginner",
    "estimated_minutes": 38,
    "competences": ["DEM", "SEC"],
    "cover": img("cover"),
    "lessons": [LESSON_ACCOUNT, LESSON_SIGN_IN, LESSON_ATTESTATION, LESSON_MESSAGES],
}
