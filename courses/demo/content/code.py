"""Course 5 — Premiers pas en code (COD). What code is, HTML basics, a first program, digital jobs.

Code shown in a rich text is escaped (``&lt;h1&gt;``): rich text allows only <p> and <b>.
"""

from ._build import (
    choice,
    hotspot,
    hotspot_question,
    image,
    ordering,
    single_choice,
    tip,
    true_false,
    typed_answer,
)

F = "code/"


def img(name):
    return f"{F}{name}.webp"


def page_choices(correct):
    """The same three little pages (a title, a paragraph, a picture); ``correct`` names the right one."""
    pages = [("title", "Un grand titre : Bienvenue"), ("paragraph", "Un petit texte : Bienvenue"),
             ("image", "Une image de soleil")]
    return [choice(text, img(f"choice-{name}"), correct=(name == correct)) for name, text in pages]


LESSON_WHAT = {
    "slug": "c-est-quoi-le-code",
    "title": "C'est quoi le code ?",
    "summary": "Le code, ce sont des instructions pour un ordinateur, comme une recette.",
    "estimated_minutes": 8,
    "steps": [
        image(img("recipe"), "<p>Une <b>recette</b> dit quoi faire, étape par étape.</p>"
              "<p>Le <b>code</b>, c'est pareil : des instructions pour un ordinateur.</p>"),
        hotspot(img("recipe"), "code/recipe#step1", "<p>Touche la <b>première étape</b> de la recette.</p>",
                "Bravo ! On commence par faire bouillir l'eau.", "Pas ici. La première étape a le numéro 1."),
        image(img("instructions"), "<p>L'ordinateur fait <b>exactement</b> ce qui est écrit.</p>"
              "<p>Il lit les lignes une par une.</p>"),
        image(img("order-matters"), "<p>L'<b>ordre</b> des instructions compte.</p>"
              "<p>Dans le mauvais ordre, le résultat est faux.</p>"),
        image(img("everywhere"), "<p>Le code est <b>partout</b> : le téléphone, les sites web, les machines.</p>"
              "<p>Des personnes l'écrivent : c'est un <b>métier</b>.</p>"),
        tip("<p>Il y a plusieurs <b>langages</b> de code.</p>"
            "<p>Dans ce cours : <b>HTML</b> pour les pages web, <b>Python</b> pour un programme.</p>"),
        ordering("<p>Mets les étapes de la recette du thé dans l'<b>ordre</b>.</p>",
                 ["Faire bouillir l'eau", "Mettre le thé et la menthe", "Verser l'eau chaude",
                  "Attendre 5 minutes", "Servir dans les verres"],
                 "Bravo ! Tu as écrit ton premier programme… de thé !",
                 "Pas encore. D'abord l'eau bouillante. On sert à la fin.", "COD"),
        single_choice("<p>Le <b>code</b>, c'est…</p>",
                      [choice("des instructions pour un ordinateur", correct=True),
                       choice("un mot de passe secret"), choice("un dessin sur l'écran")],
                      "Bravo ! Le code, ce sont des instructions.",
                      "Pas tout à fait. Le code dit à l'ordinateur quoi faire.", "COD"),
        true_false("<p>L'ordinateur <b>devine</b> ce que tu veux, même si ce n'est pas écrit.</p>", False,
                   "Oui, c'est faux ! Il fait seulement ce qui est écrit.",
                   "Attention : c'est faux. L'ordinateur ne devine pas.", "COD"),
    ],
}

LESSON_HTML = {
    "slug": "une-page-web-en-html",
    "title": "Une page web en HTML",
    "summary": "Les balises <h1>, <p> et <img> : ce qu'on écrit et ce qu'on voit.",
    "estimated_minutes": 12,
    "steps": [
        image(img("html-page"), "<p>Une page web est écrite en <b>HTML</b>.</p>"
              "<p>À gauche, le <b>code</b>. À droite, la <b>page</b> qu'on voit.</p>"),
        image(img("html-h1"), "<p>&lt;h1&gt; fait un <b>grand titre</b>.</p>"),
        image(img("html-p"), "<p>&lt;p&gt; fait un <b>paragraphe</b> : du texte normal.</p>"),
        image(img("html-img"), "<p>&lt;img&gt; montre une <b>image</b>.</p>"
              "<p>Après src, on écrit le nom du fichier.</p>"),
        tip("<p>Une balise s'<b>ouvre</b>, puis se <b>ferme</b> avec le signe <b>/</b>.</p>"
            "<p>Exemple : &lt;p&gt;Bonjour&lt;/p&gt;</p>", img("html-tags")),
        hotspot(img("html-page"), "code/html-page#h1", "<p>Touche la ligne de code qui fait le "
                "<b>grand titre</b>.</p>", "Bravo ! <h1> fait le grand titre.",
                "Pas ici. Cherche la ligne qui commence par <h1>."),
        single_choice("<p>Voici le code : <b>&lt;h1&gt;Bienvenue&lt;/h1&gt;</b></p>"
                      "<p>Quelle page il fait ?</p>", page_choices("title"),
                      "Bravo ! h1 fait un grand titre.",
                      "Pas tout à fait. h1, c'est le grand titre de la page.", "COD"),
        single_choice("<p>Voici le code : <b>&lt;img src=\"soleil.png\"&gt;</b></p>"
                      "<p>Quelle page il fait ?</p>", page_choices("image"),
                      "Bravo ! img montre une image.",
                      "Pas tout à fait. img montre une image : ici, un soleil.", "COD"),
        typed_answer("<p>Cette balise s'ouvre : <b>&lt;p&gt;</b></p>"
                     "<p>Écris la balise qui la <b>ferme</b>.</p>",
                     ["</p>", "< /p>", "</ p>"],
                     "Bravo ! La balise de fin a un /.",
                     "Presque ! La balise de fin a un / : </p>", "COD"),
    ],
}

LESSON_PROGRAM = {
    "slug": "mon-premier-programme",
    "title": "Mon premier programme",
    "summary": "Afficher un message avec print, garder une valeur dans une variable.",
    "estimated_minutes": 12,
    "steps": [
        image(img("print"), "<p>En <b>Python</b>, print veut dire <b>afficher</b>.</p>"
              "<p>Le texte entre guillemets s'affiche à l'écran.</p>"),
        image(img("editor-run"), "<p>Tu écris le code dans un <b>éditeur</b>.</p>"
              "<p>Tu touches <b>Lancer</b>. Le résultat s'affiche en bas.</p>"),
        hotspot(img("editor-run"), "code/editor-run#run", "<p>Ton code est prêt. Touche <b>Lancer</b>.</p>",
                "Bravo ! Le programme marche.", "Pas ici. Le bouton vert Lancer est en haut, à droite."),
        image(img("variable"), "<p>Une <b>variable</b>, c'est une boîte avec un nom.</p>"
              "<p>Dans la boîte prenom, on range \"Amina\".</p>"),
        image(img("variable-print"), "<p>print peut afficher une <b>variable</b>.</p>"
              "<p>L'ordinateur affiche ce qu'il y a dans la boîte.</p>"),
        tip("<p><b>Avec</b> guillemets : le texte s'affiche tel quel.</p>"
            "<p><b>Sans</b> guillemets : on affiche le contenu de la variable.</p>", img("quotes")),
        typed_answer("<p>Que montre cette ligne ?</p><p><b>print(\"Salut Karim\")</b></p>",
                     ["Salut Karim", "\"Salut Karim\""],
                     "Bravo ! Le texte entre guillemets s'affiche.",
                     "Presque ! L'écran montre le texte entre les guillemets : Salut Karim", "COD"),
        typed_answer("<p>Que montrent ces deux lignes ?</p>"
                     "<p><b>ville = \"Lyon\"</b></p><p><b>print(ville)</b></p>",
                     ["Lyon", "\"Lyon\""],
                     "Bravo ! La variable ville contient Lyon.",
                     "Presque ! Sans guillemets, on affiche le contenu de la boîte ville : Lyon", "COD"),
        hotspot_question("<p>Touche l'endroit où le <b>résultat</b> s'affiche.</p>", img("editor-run"),
                         "code/editor-run#output", "Bravo ! Le résultat est en bas.",
                         "Pas ici. Le résultat est dans la partie noire, en bas.", "COD"),
    ],
}

LESSON_JOBS = {
    "slug": "les-metiers-du-numerique",
    "title": "Les métiers du numérique",
    "summary": "Développeur, technicien réseau, aidant numérique : des métiers, et des formations pour y aller.",
    "estimated_minutes": 8,
    "steps": [
        image(img("jobs"), "<p>Le numérique offre beaucoup de <b>métiers</b>.</p>"
              "<p>En voici trois.</p>"),
        image(img("everywhere"), "<p>Le <b>développeur</b> écrit le code des sites et des applications.</p>"),
        image(img("training-path"), "<p>Pour y aller, il y a des <b>formations</b>.</p>"
              "<p>Beaucoup sont <b>gratuites</b> pour les personnes qui cherchent un travail.</p>"),
        image(img("ask-advice"), "<p>Pour trouver une formation, <b>demande conseil</b>.</p>"
              "<p>Apporte ton CV.</p>"),
        tip("<p>Tes <b>langues</b> sont une force.</p>"
            "<p>Un aidant numérique qui parle ta langue aide beaucoup de monde.</p>"),
        single_choice("<p>Quel métier aide les gens à faire leurs <b>démarches</b> en ligne ?</p>",
                      [choice("Aidant ou aidante numérique", correct=True), choice("Technicien réseau"),
                       choice("Cuisinier")],
                      "Bravo ! L'aidant numérique aide pour les démarches.",
                      "Pas tout à fait. C'est l'aidant ou l'aidante numérique.", "COD",
                      image_path=img("jobs")),
        ordering("<p>Mets le chemin vers un métier dans l'<b>ordre</b>.</p>",
                 ["Apprendre les bases", "Suivre une formation", "Faire un stage", "Trouver un travail"],
                 "Bravo ! Pas à pas, tu avances.", "Pas encore. On apprend d'abord. Le travail vient à la fin.",
                 "COD"),
        true_false("<p>Pour apprendre le code, il faut toujours <b>payer</b> une école très chère.</p>", False,
                   "Oui, c'est faux ! Il existe des formations gratuites.",
                   "Attention : c'est faux. Beaucoup de formations sont gratuites.", "COD"),
    ],
}

COURSE = {
    "slug": "code",
    "title": "Premiers pas en code",
    "summary": "Ce qu'est le code, une page web en HTML, un premier programme, les métiers du numérique.",
    "level": "discovery",
    "estimated_minutes": 40,
    "competences": ["COD"],
    "cover": img("html-page"),
    "lessons": [LESSON_WHAT, LESSON_HTML, LESSON_PROGRAM, LESSON_JOBS],
}
