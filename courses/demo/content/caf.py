"""Course 3 — La CAF (DEM). The account, the déclaration trimestrielle, reading a letter, reporting a change.

Every screen is a simulation: invented names, numbers and amounts (numéro allocataire 1234567, fictif).
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

F = "caf/"


def img(name):
    return f"{F}{name}.webp"


LESSON_ACCOUNT = {
    "slug": "mon-compte-caf",
    "title": "Mon Compte CAF",
    "summary": "Le numéro allocataire, le code confidentiel, et ce que montre ton compte.",
    "estimated_minutes": 10,
    "steps": [
        image(img("number-letter"), "<p>La <b>CAF</b> t'envoie des courriers.</p>"
              "<p>Sur chaque courrier, il y a ton <b>numéro allocataire</b>.</p>"),
        tip("<p>Garde tes courriers de la CAF dans une pochette.</p>"
            "<p>Tu retrouves vite ton <b>numéro allocataire</b>.</p>"),
        image(img("login"), "<p>Pour entrer dans <b>Mon Compte</b>, tu écris deux choses :</p>"
              "<p>ton <b>numéro allocataire</b> et ton <b>code confidentiel</b>.</p>"),
        hotspot(img("login"), "caf/login#number", "<p>Touche la case du <b>numéro allocataire</b>.</p>",
                "Bravo ! Tu écris ton numéro ici.",
                "Pas ici. Cherche la case sous « Numéro allocataire », en haut."),
        warning("<p>Ton <b>code confidentiel</b> est secret.</p>"
                "<p>La CAF ne le demande <b>jamais</b> au téléphone, par e-mail ou par SMS.</p>",
                img("secret-code")),
        image(img("account-home"), "<p>Dans ton compte, tu vois tes <b>paiements</b> et tes <b>courriers</b>.</p>"
              "<p>Tu peux aussi <b>déclarer</b> tes ressources.</p>"),
        single_choice("<p>Où trouver ton <b>numéro allocataire</b> ?</p>",
                      [choice("Sur un courrier de la CAF", correct=True), choice("Sur ma carte Vitale"),
                       choice("Sur mon ticket de bus"), choice("Sur ma carte bancaire")],
                      "Bravo ! Il est sur chaque courrier de la CAF.",
                      "Pas tout à fait. Regarde un courrier de la CAF : le numéro est en haut.", "DEM"),
        true_false("<p>Une personne t'appelle. Elle dit : « Je suis de la CAF. Donnez-moi votre code. »</p>"
                   "<p>Tu peux lui donner ton <b>code confidentiel</b>.</p>", False,
                   "Oui, c'est faux ! Ton code est secret. Tu ne le donnes à personne.",
                   "Attention : c'est faux. La CAF ne demande jamais ton code.", "DEM"),
        hotspot_question("<p>Touche la case où tu écris ton <b>code confidentiel</b>.</p>", img("login"),
                         "caf/login#code", "Bravo ! C'est la case du code confidentiel.",
                         "Pas ici. Cherche la case avec le petit cadenas.", "DEM"),
    ],
}

LESSON_DECLARATION = {
    "slug": "declaration-trimestrielle",
    "title": "La déclaration trimestrielle",
    "summary": "Tous les 3 mois, pour le RSA ou la prime d'activité : quoi déclarer, où cliquer.",
    "estimated_minutes": 12,
    "steps": [
        image(img("calendar-quarter"), "<p>Tu as le <b>RSA</b> ou la <b>prime d'activité</b> ?</p>"
              "<p>Alors tu déclares tes ressources <b>tous les 3 mois</b>.</p>"),
        image(img("resources"), "<p>Tes <b>ressources</b>, c'est l'argent que tu as reçu.</p>"
              "<p>Par exemple : ton <b>salaire</b>, ton <b>chômage</b>.</p>"),
        tip("<p>L'argent que la CAF te verse déjà, tu ne le déclares <b>pas</b>.</p>"
            "<p>La CAF le connaît.</p>"),
        image(img("declare-home"), "<p>Quand c'est le moment, ton compte affiche un message.</p>"
              "<p>Regarde bien la <b>date limite</b>.</p>"),
        image(img("declare-form"), "<p>Tu écris le montant de <b>chaque mois</b>.</p>"
              "<p>Tu n'as rien reçu ? Tu écris <b>0</b>.</p>"),
        hotspot(img("declare-form"), "caf/declare-form#may", "<p>Touche la case du <b>salaire de mai</b>.</p>",
                "Bravo ! C'est la case du salaire de mai.",
                "Pas ici. Cherche la ligne « Salaires », puis la colonne « mai »."),
        warning("<p>Si tu oublies de déclarer, la CAF peut <b>arrêter de payer</b>.</p>"
                "<p>Tu as un problème ? Demande de l'aide <b>tout de suite</b>.</p>", img("forget")),
        multiple_choice("<p>Quelles ressources tu dois <b>déclarer</b> ? Choisis tout ce qui est juste.</p>",
                        [choice("Mon salaire", correct=True),
                         choice("Mon allocation chômage de France Travail", correct=True),
                         choice("L'aide au logement que la CAF me verse"),
                         choice("Le loyer que je paie")],
                        "Bravo ! Tu déclares ton salaire et ton chômage.",
                        "Pas tout à fait. On déclare l'argent reçu : le salaire et le chômage.", "DEM"),
        hotspot_question("<p>C'est le moment de faire ta déclaration. Touche <b>Déclarer</b>.</p>",
                         img("declare-home"), "caf/declare-home#declare", "Bravo ! Ta déclaration commence.",
                         "Pas ici. Cherche le bouton bleu « Déclarer », dans le cadre jaune.", "DEM"),
        single_choice("<p>Pour le <b>RSA</b>, tu déclares tes ressources…</p>",
                      [choice("tous les mois"), choice("tous les 3 mois", correct=True), choice("une fois par an")],
                      "Bravo ! Tous les 3 mois.", "Pas encore. Regarde le calendrier : c'est tous les 3 mois.",
                      "DEM"),
    ],
}

LESSON_LETTER = {
    "slug": "lire-un-courrier",
    "title": "Lire un courrier de la CAF",
    "summary": "« Mes courriers », un avis de paiement, ce que veut dire un indu, et qui peut t'aider.",
    "estimated_minutes": 10,
    "steps": [
        hotspot(img("account-home"), "caf/account-home#letters", "<p>Tu veux lire tes courriers. "
                "Touche <b>Mes courriers</b>.</p>", "Bravo ! La liste de tes courriers s'ouvre.",
                "Pas ici. Cherche l'enveloppe « Mes courriers », au milieu."),
        image(img("letters-list"), "<p>Voici tes courriers.</p>"
              "<p>Un courrier <b>en gras</b> n'est pas encore lu.</p>"),
        image(img("payment-notice"), "<p>Ce courrier dit combien la CAF a <b>payé</b>.</p>"
              "<p>En bas : le <b>total</b> versé sur ton compte.</p>"),
        image(img("indu-letter"), "<p>Parfois, la CAF a payé <b>trop</b>.</p>"
              "<p>C'est un <b>indu</b>. Tu dois rendre cet argent.</p>"),
        tip("<p>Souvent, la CAF garde une petite somme sur tes prochains paiements.</p>"
            "<p>Tu n'es pas d'accord ? Tu peux <b>répondre</b> à la CAF.</p>"),
        image(img("help"), "<p>Tu ne comprends pas un courrier ? <b>Demande de l'aide</b>.</p>"
              "<p>Apporte le courrier avec toi.</p>"),
        hotspot_question("<p>Regarde ce courrier. Touche la somme <b>totale</b> versée.</p>",
                         img("payment-notice"), "caf/payment-notice#total", "Bravo ! Le total : 462,40 €.",
                         "Pas ici. Le total est en bas, en bleu.", "DEM"),
        single_choice("<p>Un <b>indu</b>, c'est…</p>",
                      [choice("de l'argent reçu en trop, à rendre à la CAF", correct=True),
                       choice("un cadeau de la CAF"), choice("un nouveau numéro allocataire")],
                      "Bravo ! Un indu, c'est de l'argent reçu en trop.",
                      "Pas tout à fait. Un indu, c'est de l'argent reçu en trop. Il faut le rendre.", "DEM"),
        true_false("<p>Tu ne comprends pas un courrier de la CAF.</p>"
                   "<p>Tu peux demander de l'aide à un <b>référent</b> ou à une <b>assistante sociale</b>.</p>",
                   True, "Oui ! Demander de l'aide, c'est une bonne idée.",
                   "Si, tu peux ! Des personnes sont là pour t'aider.", "DEM"),
    ],
}

LESSON_CHANGE = {
    "slug": "signaler-un-changement",
    "title": "Signaler un changement",
    "summary": "Un déménagement, un travail, une naissance : où le dire à la CAF.",
    "estimated_minutes": 10,
    "steps": [
        image(img("life-changes"), "<p>Tu déménages ? Tu as un travail ? Un bébé est né ?</p>"
              "<p>Tu dois le <b>dire à la CAF</b>, vite.</p>"),
        hotspot(img("account-home"), "caf/account-home#change", "<p>Touche <b>Signaler un changement</b>.</p>",
                "Bravo ! Tu vois la liste des changements.",
                "Pas ici. Cherche les deux flèches « Signaler un changement », en bas à gauche."),
        image(img("change-menu"), "<p>Choisis ce qui change : ton <b>adresse</b>, ton <b>travail</b>, "
              "ta <b>famille</b>…</p>"),
        hotspot(img("change-menu"), "caf/change-menu#address", "<p>Amina déménage. "
                "Touche <b>Mon adresse</b>.</p>", "Bravo ! Amina peut écrire sa nouvelle adresse.",
                "Pas ici. Cherche la maison « Mon adresse », en haut de la liste."),
        image(img("change-address"), "<p>Écris ta <b>nouvelle adresse</b> et la <b>date</b> du déménagement.</p>"
              "<p>Puis touche <b>Valider</b>.</p>"),
        image(img("change-done"), "<p>C'est enregistré !</p>"
              "<p>Télécharge la <b>preuve</b> et garde-la.</p>"),
        ordering("<p>Amina déménage. Mets les étapes dans l'<b>ordre</b>.</p>",
                 ["Se connecter à Mon Compte", "Toucher « Signaler un changement »", "Choisir « Mon adresse »",
                  "Écrire la nouvelle adresse", "Toucher « Valider »"],
                 "Bravo ! Tu sais signaler un changement.",
                 "Pas encore. On se connecte d'abord. On valide à la fin.", "DEM"),
        single_choice("<p>Tu as trouvé un <b>travail</b>. Que fais-tu ?</p>",
                      [choice("Je le signale à la CAF, dans Mon Compte", correct=True),
                       choice("J'attends la fin de l'année"), choice("Je ne dis rien")],
                      "Bravo ! Tu le signales vite, dans Mon Compte.",
                      "Pas tout à fait. Un nouveau travail, on le signale vite à la CAF.", "DEM"),
        true_false("<p>Pour signaler une <b>naissance</b>, il faut attendre un an.</p>", False,
                   "Oui, c'est faux ! On signale une naissance tout de suite.",
                   "Attention : c'est faux. On signale une naissance vite.", "DEM"),
    ],
}

COURSE = {
    "slug": "caf",
    "title": "La CAF",
    "summary": "Ton compte CAF, la déclaration trimestrielle, lire un courrier, signaler un changement.",
    "level": "beginner",
    "estimated_minutes": 42,
    "competences": ["DEM"],
    "cover": img("account-home"),
    "lessons": [LESSON_ACCOUNT, LESSON_DECLARATION, LESSON_LETTER, LESSON_CHANGE],
}
