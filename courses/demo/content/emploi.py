"""Course 4 — Chercher un emploi (EMP, COM). Offers, a simple CV, applying by e-mail, a video interview.

Every screen is a simulation: the job site, the employers and the people are invented.
"""

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

F = "emploi/"


def img(name):
    return f"{F}{name}.webp"


LESSON_OFFERS = {
    "slug": "trouver-des-offres",
    "title": "Trouver des offres",
    "summary": "Chercher par métier et par ville, puis lire une offre : le contrat, les heures, le salaire.",
    "estimated_minutes": 12,
    "steps": [
        image(img("search"), "<p>Sur un site d'offres d'emploi, tu écris <b>le métier</b> et <b>la ville</b>.</p>"
              "<p>Puis tu touches <b>Rechercher</b>.</p>"),
        hotspot(img("search"), "emploi/search#what", "<p>Touche la case où tu écris <b>le métier</b>.</p>",
                "Bravo ! Tu écris le métier ici.", "Pas ici. Cherche la case « Quel métier ? », en haut."),
        image(img("results"), "<p>Voici les <b>offres</b> trouvées.</p>"
              "<p>Chaque offre dit le <b>contrat</b> et les <b>heures</b>.</p>"),
        image(img("contracts"), "<p><b>CDI</b> : le travail n'a pas de date de fin.</p>"
              "<p><b>CDD</b> : il a une date de fin. <b>Intérim</b> : des missions courtes.</p>"),
        image(img("hours-35"), "<p><b>35 h</b>, c'est 35 heures de travail <b>par semaine</b>.</p>"
              "<p>C'est un <b>temps plein</b>.</p>"),
        image(img("offer"), "<p>Dans une offre, lis bien trois choses :</p>"
              "<p>le <b>contrat</b>, les <b>heures</b>, le <b>salaire</b>.</p>"),
        tip("<p>Le salaire <b>brut</b> est écrit dans l'offre.</p>"
            "<p>Tu reçois le salaire <b>net</b> : il est plus petit.</p>", img("brut-net")),
        single_choice("<p>Regarde les offres. Quelle offre est un <b>CDI</b> ?</p>",
                      [choice("Commis de cuisine, Restaurant Le Soleil"),
                       choice("Aide-cuisinier, Cantine Les Tilleuls", correct=True),
                       choice("Plongeur, Agence Intérim Plus")],
                      "Bravo ! L'offre d'aide-cuisinier est un CDI.",
                      "Pas tout à fait. Cherche le mot « CDI » sous le nom de l'offre.", "EMP",
                      image_path=img("results")),
        single_choice("<p>Une offre dit : « <b>35 h</b> ». Qu'est-ce que ça veut dire ?</p>",
                      [choice("35 heures de travail par semaine", correct=True),
                       choice("35 heures de travail par mois"), choice("Le travail commence à 35 ans"),
                       choice("35 jours de vacances")],
                      "Bravo ! 35 heures par semaine, c'est un temps plein.",
                      "Pas encore. 35 h, c'est le temps de travail de la semaine.", "EMP"),
        hotspot_question("<p>Touche le <b>salaire</b> dans cette offre.</p>", img("offer"),
                         "emploi/offer#salary", "Bravo ! 1 900 € brut par mois.",
                         "Pas ici. Cherche la ligne « Salaire ».", "EMP"),
    ],
}

LESSON_CV = {
    "slug": "un-cv-simple",
    "title": "Un CV simple",
    "summary": "Les parties d'un CV, tes langues et ton expérience d'avant, l'enregistrer en PDF.",
    "estimated_minutes": 12,
    "steps": [
        image(img("cv-sections"), "<p>Un <b>CV</b> présente ton parcours, sur une page.</p>"
              "<p>Il a <b>5 parties</b>, dans cet ordre.</p>"),
        image(img("cv-experience"), "<p>Ton travail <b>avant la France</b> compte.</p>"
              "<p>Écris-le dans la partie <b>Expérience</b>.</p>"),
        image(img("cv-languages"), "<p>Tu parles plusieurs langues ? C'est une <b>force</b>.</p>"
              "<p>Écris <b>toutes</b> tes langues.</p>"),
        image(img("cv-not-needed"), "<p>Certaines informations ne sont <b>pas utiles</b> sur un CV.</p>"
              "<p>Par exemple : ta <b>religion</b>.</p>"),
        image(img("save-pdf"), "<p>Quand ton CV est fini, enregistre-le en <b>PDF</b>.</p>"
              "<p>Le PDF s'ouvre pareil sur tous les ordinateurs.</p>"),
        hotspot(img("save-pdf"), "emploi/save-pdf#pdf", "<p>Touche <b>Exporter en PDF</b>.</p>",
                "Bravo ! Ton CV est enregistré en PDF.", "Pas ici. Cherche « Exporter en PDF » dans le menu."),
        tip("<p>Demande à une personne de <b>relire</b> ton CV.</p>"
            "<p>Un référent peut t'aider.</p>"),
        ordering("<p>Mets les parties du CV dans l'<b>ordre</b>.</p>",
                 ["Nom et contact", "Métier recherché", "Expérience", "Formation", "Langues"],
                 "Bravo ! Ton CV est bien rangé.",
                 "Pas encore. On commence par le nom et le contact. Les langues sont à la fin.", "EMP"),
        multiple_choice("<p>Quelles informations <b>ne sont pas utiles</b> sur un CV ? "
                        "Choisis tout ce qui est juste.</p>",
                        [choice("Ma religion", correct=True), choice("Mon numéro de sécurité sociale", correct=True),
                         choice("Mon numéro de téléphone"), choice("Mes langues")],
                        "Bravo ! La religion et le numéro de sécurité sociale ne vont pas sur un CV.",
                        "Pas tout à fait. Le téléphone et les langues sont utiles. Pas la religion.", "EMP"),
        true_false("<p>Tu as été cuisinière <b>avant d'arriver en France</b>.</p>"
                   "<p>Tu peux l'écrire sur ton CV.</p>", True,
                   "Oui ! Ton expérience d'avant compte.", "Si, tu peux ! Ton expérience d'avant compte.", "EMP"),
    ],
}

LESSON_APPLY = {
    "slug": "postuler-par-e-mail",
    "title": "Postuler par e-mail",
    "summary": "L'objet, un message court, le CV en pièce jointe, vérifier avant d'envoyer.",
    "estimated_minutes": 10,
    "steps": [
        image(img("apply-mail"), "<p>Pour <b>postuler</b>, tu envoies un e-mail à l'employeur.</p>"
              "<p>Avec ton <b>CV</b> en pièce jointe.</p>"),
        hotspot(img("apply-mail"), "emploi/apply-mail#subject", "<p>Touche la ligne de l'<b>objet</b>.</p>",
                "Bravo ! L'objet dit le nom du poste.", "Pas ici. L'objet est en haut, sous l'adresse."),
        image(img("mail-message"), "<p>Le message est <b>court</b> et <b>poli</b>.</p>"
              "<p>Il a 5 parties.</p>"),
        hotspot(img("apply-mail"), "emploi/apply-mail#clip", "<p>Ajoute ton CV. Touche le <b>trombone</b>.</p>",
                "Bravo ! Tu peux choisir ton CV.", "Pas ici. Le trombone est en haut, à côté d'Envoyer."),
        image(img("checklist"), "<p>Avant d'envoyer, <b>vérifie</b> tout.</p>"
              "<p>Un oubli ? Tu peux encore corriger.</p>"),
        warning("<p>Écris avec une adresse e-mail <b>sérieuse</b>.</p>"
                "<p>Par exemple : prenom.nom@exemple.fr</p>"),
        single_choice("<p>Quel est le meilleur <b>objet</b> pour ton e-mail ?</p>",
                      [choice("Candidature : commis de cuisine", correct=True), choice("Bonjour"),
                       choice("Urgent !!!"), choice("(pas d'objet)")],
                      "Bravo ! L'objet dit le nom du poste.",
                      "Pas tout à fait. L'objet dit pourquoi tu écris : le nom du poste.", "COM"),
        ordering("<p>Mets les parties du message dans l'<b>ordre</b>.</p>",
                 ["Bonjour Madame, Monsieur,", "Je vous propose ma candidature pour le poste.",
                  "Mon CV est en pièce jointe.", "Je suis disponible pour un entretien.",
                  "Cordialement, Amina Diallo"],
                 "Bravo ! Ton message est clair.",
                 "Pas encore. On dit bonjour d'abord. On signe à la fin.", "COM"),
        hotspot_question("<p>Tout est prêt. Touche <b>Envoyer</b>.</p>", img("apply-mail"),
                         "emploi/apply-mail#send", "Bravo ! Ta candidature est partie.",
                         "Pas ici. Le bouton Envoyer est en haut, à droite.", "EMP"),
    ],
}

LESSON_VIDEO = {
    "slug": "entretien-en-visio",
    "title": "L'entretien en visio",
    "summary": "Ouvrir le lien, les boutons caméra et micro, tester la veille.",
    "estimated_minutes": 10,
    "steps": [
        image(img("video-invite"), "<p>L'employeur t'invite à un <b>entretien en visio</b>.</p>"
              "<p>Tu parles avec lui par la caméra.</p>"),
        hotspot(img("video-invite"), "emploi/video-invite#link", "<p>C'est l'heure. Touche le <b>lien</b> "
                "pour rejoindre la visio.</p>", "Bravo ! La visio s'ouvre.",
                "Pas ici. Cherche le bouton « Rejoindre la visio »."),
        image(img("video-call"), "<p>En bas, il y a les boutons : <b>micro</b>, <b>caméra</b>, "
              "<b>raccrocher</b>.</p>"),
        hotspot(img("video-call"), "emploi/video-call#camera", "<p>Touche le bouton de la <b>caméra</b>.</p>",
                "Bravo ! La personne te voit.", "Pas ici. La caméra est au milieu, en bas."),
        image(img("video-test"), "<p>La <b>veille</b>, fais un test : la batterie, Internet, "
              "la caméra et le micro.</p>"),
        tip("<p>Le jour de l'entretien, connecte-toi <b>10 minutes avant</b>.</p>"
            "<p>Choisis un endroit <b>calme</b>.</p>"),
        hotspot_question("<p>On ne t'entend pas. Touche le bouton du <b>micro</b>.</p>", img("video-call"),
                         "emploi/video-call#mic", "Bravo ! Maintenant, on t'entend.",
                         "Pas ici. Le micro est en bas, à gauche.", "EMP"),
        single_choice("<p>Quand fais-tu le <b>test</b> de la caméra et du micro ?</p>",
                      [choice("La veille de l'entretien", correct=True), choice("Après l'entretien"),
                       choice("Jamais")],
                      "Bravo ! La veille, tu as le temps de régler un problème.",
                      "Pas tout à fait. On teste la veille, pour avoir le temps.", "EMP"),
        true_false("<p>Pour finir la visio, tu touches le bouton rouge <b>Raccrocher</b>.</p>", True,
                   "Oui ! Le bouton rouge finit l'appel.", "Si ! Le bouton rouge Raccrocher finit l'appel.", "EMP"),
    ],
}

COURSE = {
    "slug": "emploi",
    "title": "Chercher un emploi",
    "summary": "Trouver des offres, faire un CV simple, postuler par e-mail, passer un entretien en visio.",
    "level": "intermediate",
    "estimated_minutes": 44,
    "competences": ["EMP", "COM"],
    "cover": img("offer"),
    "lessons": [LESSON_OFFERS, LESSON_CV, LESSON_APPLY, LESSON_VIDEO],
}
