"""Course 1 — Les e-mails (COM, SEC, APP). French source, with English and Arabic translations."""

from ._build import (
    choice,
    h5p_activity,
    hotspot,
    hotspot_question,
    image,
    multiple_choice,
    ordering,
    single_choice,
    tip,
    true_false,
    typed_answer,
    warning,
)

F = "emails/"  # French screens, and pictures without words (shared by every language)
A = "emails-ar/"  # the same screens in Arabic, right to left


def img(name, folder=F):
    return f"{folder}{name}.webp"


ADDRESS_CHOICES = ["amina.diallo@exemple.fr", "amina.diallo.exemple.fr", "amina diallo@exemple.fr",
                   "amina@diallo@exemple.fr"]


def address_choices():
    """The same four address pictures in every language; only the first is a valid address."""
    return [choice(text, img(f"addr-{letter}"), correct=(letter == "a"))
            for text, letter in zip(ADDRESS_CHOICES, "abcd", strict=True)]


def scam_pick_choices(folder, names):
    return [choice(name, img(f"pick-{letter}", folder), correct=(letter == "c"))
            for name, letter in zip(names, "abc", strict=True)]


# --- French (source) ----------------------------------------------------------------------------

LESSON_ADDRESS = {
    "slug": "adresse-e-mail",
    "title": "C'est quoi une adresse e-mail ?",
    "summary": "Les parties d'une adresse, la touche @, et pourquoi on te la demande.",
    "estimated_minutes": 10,
    "steps": [
        image(img("mailbox"), "<p>Une adresse e-mail, c'est comme une <b>boîte aux lettres</b> sur Internet.</p>"
              "<p>Tes messages arrivent dedans.</p>"),
        image(img("address-parts"), "<p>Une adresse a <b>trois parties</b> : le nom, le signe <b>@</b>, "
              "la messagerie.</p><p>Il n'y a <b>pas d'espace</b>.</p>"),
        hotspot(img("keyboard"), "emails/keyboard#at", "<p>Le signe @ est sur le clavier. "
                "Touche la touche <b>@</b>.</p>",
                "Bravo ! C'est la touche @.", "Pas ici. Le @ est en bas, à côté de la grande touche espace."),
        image(img("who-asks"), "<p>La <b>CAF</b>, l'<b>Assurance Maladie</b> et les <b>employeurs</b> "
              "demandent ton adresse e-mail.</p><p>Ils t'envoient des messages importants.</p>"),
        tip("<p>Le signe @ se dit « <b>arobase</b> ».</p>"
            "<p>On dit : amina point diallo <b>arobase</b> exemple point fr.</p>"),
        single_choice("<p>Quelle adresse est <b>juste</b> ?</p>", address_choices(),
                      "Bravo ! Un seul @, et pas d'espace.",
                      "Pas tout à fait. Une adresse a un seul @ et pas d'espace. Regarde encore.", "COM"),
        typed_answer("<p>Écris cette adresse :</p><p><b>yonas.tesfaye@exemple.fr</b></p>",
                     ["yonas.tesfaye@exemple.fr"], "Super ! Tu as bien écrit l'adresse.",
                     "Presque ! Vérifie le point, le @ et la fin : exemple.fr.", "APP", input_mode="email"),
        ordering("<p>Mets les parties de l'adresse dans l'<b>ordre</b>.</p>",
                 ["amina.diallo", "@", "exemple.fr"], "Bravo ! Le nom, puis @, puis la messagerie.",
                 "Pas encore. On commence par le nom. Le @ est au milieu.", "COM"),
    ],
}

LESSON_READ = {
    "slug": "lire-et-repondre",
    "title": "Lire et répondre à un message",
    "summary": "La boîte de réception, ouvrir un message, le bouton « Répondre ».",
    "estimated_minutes": 10,
    "steps": [
        image(img("inbox"), "<p>Voici la <b>boîte de réception</b>.</p><p>Tous tes messages arrivent ici.</p>"),
        tip("<p>Un message <b>en gras</b>, avec un point bleu, n'est <b>pas encore lu</b>.</p>"),
        hotspot(img("inbox"), "emails/inbox#open", "<p>Touche le message de <b>Sophie Martin</b> "
                "pour l'ouvrir.</p>", "Bravo ! Le message s'ouvre.",
                "Pas ici. Cherche le nom Sophie Martin, en haut de la liste."),
        image(img("message"), "<p>Le message est ouvert.</p><p>En haut : le <b>sujet</b> et le <b>nom</b> "
              "de la personne.</p>"),
        image(img("reply-compose"), "<p>Pour répondre, touche <b>Répondre</b>. Écris ton message.</p>"
              "<p>L'adresse de Sophie est déjà écrite.</p>"),
        hotspot(img("reply-compose"), "emails/reply-compose#send", "<p>Ton message est prêt. "
                "Touche <b>Envoyer</b>.</p>", "Bravo ! Ton message est parti.",
                "Pas ici. Le bouton Envoyer est en haut, à droite."),
        hotspot_question("<p>Tu veux répondre à Sophie. Touche <b>Répondre</b>.</p>", img("message"),
                         "emails/message#reply", "Oui ! Le bouton Répondre ouvre ta réponse.",
                         "Pas ici. Cherche le bouton Répondre, en bas.", "COM"),
        single_choice("<p>Regarde la boîte de réception. Quel message n'est <b>pas encore lu</b> ?</p>",
                      [choice("Sophie Martin", correct=True), choice("Association Horizon"),
                       choice("Bibliothèque Belleville"), choice("Karim B.")],
                      "Bravo ! Le message de Sophie Martin est en gras.",
                      "Regarde encore : le message pas lu est écrit en gras.", "COM", image_path=img("inbox")),
        true_false("<p>Un message écrit <b>en gras</b> est déjà lu.</p>", False,
                   "Oui, c'est faux ! En gras, le message n'est pas encore lu.",
                   "Attention : en gras, le message n'est pas encore lu.", "COM"),
        # An H5P activity (h5p/demo.py), in French only: the English and Arabic lessons end before it.
        h5p_activity("reponse-a-sophie"),
    ],
}

LESSON_ATTACHMENT = {
    "slug": "piece-jointe",
    "title": "Envoyer une pièce jointe",
    "summary": "Le trombone, choisir la photo d'un document, vérifier avant d'envoyer.",
    "estimated_minutes": 10,
    "steps": [
        image(img("paperclip"), "<p>Une <b>pièce jointe</b>, c'est un fichier envoyé avec le message.</p>"
              "<p>Par exemple : la photo d'un document.</p>"),
        image(img("compose"), "<p>Pour ajouter une pièce jointe, il y a le <b>trombone</b>.</p>"),
        hotspot(img("compose"), "emails/compose#clip", "<p>Touche le <b>trombone</b>.</p>",
                "Bravo ! Tu peux choisir un fichier.", "Pas ici. Le trombone est en haut, près d'Envoyer."),
        image(img("choose-photo"), "<p>Choisis la <b>photo du document</b>.</p><p>Puis touche <b>Ajouter</b>.</p>"),
        image(img("attached-check"), "<p>Avant d'envoyer, <b>vérifie</b> : l'adresse, l'objet, "
              "la pièce jointe.</p><p>Puis touche <b>Envoyer</b>.</p>"),
        warning("<p>Envoie tes documents <b>seulement</b> aux personnes que tu connais.</p>"),
        hotspot_question("<p>Sur ce téléphone, touche le <b>trombone</b> pour ajouter le document.</p>",
                         img("reply-clip"), "emails/reply-clip#clip", "Bravo ! C'est le trombone.",
                         "Pas ici. Cherche le trombone, en haut.", "COM"),
        ordering("<p>Mets les étapes dans l'<b>ordre</b>.</p>",
                 ["Ouvrir un nouveau message", "Toucher le trombone", "Choisir la photo du document",
                  "Vérifier le message", "Toucher « Envoyer »"],
                 "Bravo ! Tu sais envoyer une pièce jointe.",
                 "Pas encore. On envoie à la fin, après avoir vérifié.", "COM"),
        multiple_choice("<p>Avant d'envoyer, que faut-il <b>vérifier</b> ? Choisis tout ce qui est juste.</p>",
                        [choice("L'adresse de la personne", correct=True), choice("La pièce jointe", correct=True),
                         choice("La couleur de l'écran"), choice("L'heure")],
                        "Bravo ! L'adresse et la pièce jointe.",
                        "Pas tout à fait. On vérifie l'adresse et la pièce jointe.", "COM"),
    ],
}

LESSON_SCAM = {
    "slug": "reperer-une-arnaque",
    "title": "Repérer une arnaque",
    "summary": "Les signes d'un faux message et ce qu'il faut faire.",
    "estimated_minutes": 12,
    "steps": [
        image(img("scam-message"), "<p>Attention ! Certains messages sont <b>faux</b>.</p>"
              "<p>Ils veulent voler ton argent.</p>"),
        image(img("scam-signs"), "<p>Les signes d'une arnaque : une adresse bizarre, l'<b>urgence</b>, "
              "une demande d'<b>argent</b>, un lien bizarre.</p>"),
        hotspot(img("scam-message"), "emails/scam-message#link", "<p>Touche le <b>lien bizarre</b>.</p>"
                "<p>C'est un exercice : rien ne s'ouvre.</p>",
                "Bravo ! Ce lien n'est pas le vrai site.", "Pas ici. Le lien est souligné, en bas."),
        image(img("scam-sms"), "<p>Les arnaques arrivent aussi par <b>SMS</b>.</p>"),
        image(img("scam-what-to-do"), "<p>Que faire ? <b>Ne clique pas</b>. <b>Supprime</b> le message.</p>"
              "<p><b>Demande</b> à un référent.</p>"),
        warning("<p>L'Assurance Maladie et la CAF ne demandent <b>jamais</b> ton code de carte bancaire.</p>"),
        true_false("<p>Ce message est une <b>arnaque</b>.</p>", True,
                   "Oui ! On ne donne jamais son code bancaire.",
                   "Attention : ce message demande ton code bancaire. C'est une arnaque.", "SEC",
                   image_path=img("tf-bank")),
        true_false("<p>Ce message est une <b>arnaque</b>.</p>", False,
                   "Oui ! Sophie parle juste de l'atelier. C'est un vrai message.",
                   "Regarde bien : pas d'argent, pas de lien, pas d'urgence. C'est un vrai message.", "SEC",
                   image_path=img("tf-friend")),
        true_false("<p>Ce message est une <b>arnaque</b>.</p>", True,
                   "Oui ! Un cadeau gratuit et un lien bizarre : c'est une arnaque.",
                   "Attention : un cadeau « gagné » et un lien bizarre, c'est une arnaque.", "SEC",
                   image_path=img("tf-prize")),
        true_false("<p>Ce message est une <b>arnaque</b>.</p>", False,
                   "Oui ! Le centre donne juste l'heure du cours.",
                   "Regarde bien : pas d'argent, pas de lien. C'est un vrai message.", "SEC",
                   image_path=img("tf-centre")),
        single_choice("<p>Quel message est une <b>arnaque</b> ?</p>",
                      scam_pick_choices(F, ["Association Horizon", "Bibliothèque", "Livraison"]),
                      "Bravo ! Urgence, argent et lien bizarre : c'est une arnaque.",
                      "Pas celui-là. Cherche le message qui demande de l'argent vite.", "SEC"),
        multiple_choice("<p>Quels sont les <b>signes</b> d'une arnaque ? Choisis tout ce qui est juste.</p>",
                        [choice("Il faut payer vite", correct=True), choice("Un lien bizarre", correct=True),
                         choice("On demande ton code bancaire", correct=True), choice("Le message dit bonjour")],
                        "Bravo ! Tu sais repérer une arnaque.",
                        "Pas tout à fait. Dire bonjour est normal. L'urgence, l'argent et un lien bizarre "
                        "sont des signes.", "SEC"),
    ],
}

COURSE = {
    "slug": "emails",
    "title": "Les e-mails",
    "summary": "Une adresse e-mail, lire et répondre, envoyer un document, repérer une arnaque.",
    "level": "beginner",
    "estimated_minutes": 42,
    "competences": ["COM", "SEC", "APP"],
    "cover": img("cover"),
    "lessons": [LESSON_ADDRESS, LESSON_READ, LESSON_ATTACHMENT, LESSON_SCAM],
}


# --- English -----------------------------------------------------------------------------------

EN = {
    "slug": "emails",
    "title": "E-mails",
    "summary": "An e-mail address, reading and replying, sending a document, spotting a scam.",
    "lessons": [
        {
            "slug": "adresse-e-mail",
            "title": "What is an e-mail address?",
            "summary": "The parts of an address, the @ key, and why people ask for it.",
            "steps": [
                image(img("mailbox"), "<p>An e-mail address is like a <b>letter box</b> on the Internet.</p>"
                      "<p>Your messages arrive in it.</p>"),
                image(img("address-parts"), "<p>An address has <b>three parts</b>: the name, the <b>@</b> sign, "
                      "the mail service.</p><p>There is <b>no space</b>.</p>"),
                hotspot(img("keyboard"), "emails/keyboard#at", "<p>The @ sign is on the keyboard. "
                        "Tap the <b>@</b> key.</p>",
                        "Well done! That is the @ key.",
                        "Not here. The @ is at the bottom, next to the long space key."),
                image(img("who-asks"), "<p>The <b>CAF</b>, <b>health insurance</b> and <b>employers</b> "
                      "ask for your e-mail address.</p><p>They send you important messages.</p>"),
                tip("<p>In French, the @ sign is called « <b>arobase</b> ».</p>"
                    "<p>You say: amina dot diallo <b>at</b> exemple dot fr.</p>"),
                single_choice("<p>Which address is <b>right</b>?</p>", address_choices(),
                              "Well done! One @, and no space.",
                              "Not quite. An address has one @ and no space. Look again.", "COM"),
                typed_answer("<p>Write this address:</p><p><b>yonas.tesfaye@exemple.fr</b></p>",
                             ["yonas.tesfaye@exemple.fr"], "Great! You wrote the address correctly.",
                             "Almost! Check the dot, the @ and the end: exemple.fr.", "APP", input_mode="email"),
                ordering("<p>Put the parts of the address in <b>order</b>.</p>",
                         ["amina.diallo", "@", "exemple.fr"], "Well done! The name, then @, then the mail service.",
                         "Not yet. Start with the name. The @ is in the middle.", "COM"),
            ],
        },
        {
            "slug": "lire-et-repondre",
            "title": "Reading and replying to a message",
            "summary": "The inbox, opening a message, the « Reply » button.",
            "steps": [
                image(img("inbox"), "<p>This is the <b>inbox</b>.</p><p>All your messages arrive here.</p>"),
                tip("<p>A message in <b>bold</b>, with a blue dot, is <b>not read yet</b>.</p>"),
                hotspot(img("inbox"), "emails/inbox#open", "<p>Tap the message from <b>Sophie Martin</b> "
                        "to open it.</p>", "Well done! The message opens.",
                        "Not here. Look for the name Sophie Martin, at the top of the list."),
                image(img("message"), "<p>The message is open.</p><p>At the top: the <b>subject</b> and the "
                      "<b>name</b> of the person.</p>"),
                image(img("reply-compose"), "<p>To reply, tap <b>Répondre</b> (Reply). Write your message.</p>"
                      "<p>Sophie's address is already there.</p>"),
                hotspot(img("reply-compose"), "emails/reply-compose#send", "<p>Your message is ready. "
                        "Tap <b>Envoyer</b> (Send).</p>", "Well done! Your message is sent.",
                        "Not here. The Send button is at the top right."),
                hotspot_question("<p>You want to reply to Sophie. Tap <b>Répondre</b> (Reply).</p>", img("message"),
                                 "emails/message#reply", "Yes! The Reply button opens your answer.",
                                 "Not here. Look for the Reply button, at the bottom.", "COM"),
                single_choice("<p>Look at the inbox. Which message is <b>not read yet</b>?</p>",
                              [choice("Sophie Martin", correct=True), choice("Association Horizon"),
                               choice("Bibliothèque Belleville"), choice("Karim B.")],
                              "Well done! Sophie Martin's message is in bold.",
                              "Look again: the unread message is written in bold.", "COM", image_path=img("inbox")),
                true_false("<p>A message written in <b>bold</b> has already been read.</p>", False,
                           "Right, that is false! In bold, the message is not read yet.",
                           "Careful: in bold, the message is not read yet.", "COM"),
            ],
        },
        {
            "slug": "piece-jointe",
            "title": "Sending an attachment",
            "summary": "The paper clip, choosing a photo of a document, checking before sending.",
            "steps": [
                image(img("paperclip"), "<p>An <b>attachment</b> is a file sent with the message.</p>"
                      "<p>For example: a photo of a document.</p>"),
                image(img("compose"), "<p>To add an attachment, there is the <b>paper clip</b>.</p>"),
                hotspot(img("compose"), "emails/compose#clip", "<p>Tap the <b>paper clip</b>.</p>",
                        "Well done! You can choose a file.", "Not here. The paper clip is at the top, near Send."),
                image(img("choose-photo"), "<p>Choose the <b>photo of the document</b>.</p>"
                      "<p>Then tap <b>Ajouter</b> (Add).</p>"),
                image(img("attached-check"), "<p>Before sending, <b>check</b>: the address, the subject, "
                      "the attachment.</p><p>Then tap <b>Envoyer</b> (Send).</p>"),
                warning("<p>Send your documents <b>only</b> to people you know.</p>"),
                hotspot_question("<p>On this phone, tap the <b>paper clip</b> to add the document.</p>",
                                 img("reply-clip"), "emails/reply-clip#clip", "Well done! That is the paper clip.",
                                 "Not here. Look for the paper clip, at the top.", "COM"),
                ordering("<p>Put the steps in <b>order</b>.</p>",
                         ["Open a new message", "Tap the paper clip", "Choose the photo of the document",
                          "Check the message", "Tap « Send »"],
                         "Well done! You know how to send an attachment.",
                         "Not yet. You send at the end, after checking.", "COM"),
                multiple_choice("<p>Before sending, what must you <b>check</b>? Choose all the right answers.</p>",
                                [choice("The person's address", correct=True),
                                 choice("The attachment", correct=True),
                                 choice("The colour of the screen"), choice("The time")],
                                "Well done! The address and the attachment.",
                                "Not quite. You check the address and the attachment.", "COM"),
            ],
        },
        {
            "slug": "reperer-une-arnaque",
            "title": "Spotting a scam",
            "summary": "The signs of a fake message and what to do.",
            "steps": [
                image(img("scam-message"), "<p>Careful! Some messages are <b>fake</b>.</p>"
                      "<p>They want to steal your money.</p>"),
                image(img("scam-signs"), "<p>The signs of a scam: a strange address, <b>urgency</b>, "
                      "a request for <b>money</b>, a strange link.</p>"),
                hotspot(img("scam-message"), "emails/scam-message#link", "<p>Tap the <b>strange link</b>.</p>"
                        "<p>This is practice: nothing opens.</p>",
                        "Well done! This link is not the real website.", "Not here. The link is underlined, "
                        "at the bottom."),
                image(img("scam-sms"), "<p>Scams also come by <b>text message</b> (SMS).</p>"),
                image(img("scam-what-to-do"), "<p>What to do? <b>Do not click</b>. <b>Delete</b> the message.</p>"
                      "<p><b>Ask</b> a référent.</p>"),
                warning("<p>Health insurance and the CAF <b>never</b> ask for your bank card code.</p>"),
                true_false("<p>This message is a <b>scam</b>.</p>", True,
                           "Yes! Never give your bank code.",
                           "Careful: this message asks for your bank code. It is a scam.", "SEC",
                           image_path=img("tf-bank")),
                true_false("<p>This message is a <b>scam</b>.</p>", False,
                           "Yes! Sophie only talks about the workshop. It is a real message.",
                           "Look closely: no money, no link, no hurry. It is a real message.", "SEC",
                           image_path=img("tf-friend")),
                true_false("<p>This message is a <b>scam</b>.</p>", True,
                           "Yes! A free gift and a strange link: it is a scam.",
                           "Careful: a « prize » and a strange link are a scam.", "SEC",
                           image_path=img("tf-prize")),
                true_false("<p>This message is a <b>scam</b>.</p>", False,
                           "Yes! The centre only gives the time of the class.",
                           "Look closely: no money, no link. It is a real message.", "SEC",
                           image_path=img("tf-centre")),
                single_choice("<p>Which message is a <b>scam</b>?</p>",
                              scam_pick_choices(F, ["Association Horizon", "Library", "Delivery"]),
                              "Well done! Urgency, money and a strange link: it is a scam.",
                              "Not that one. Look for the message that asks for money quickly.", "SEC"),
                multiple_choice("<p>What are the <b>signs</b> of a scam? Choose all the right answers.</p>",
                                [choice("You must pay quickly", correct=True), choice("A strange link", correct=True),
                                 choice("They ask for your bank code", correct=True),
                                 choice("The message says hello")],
                                "Well done! You can spot a scam.",
                                "Not quite. Saying hello is normal. Urgency, money and a strange link are signs.",
                                "SEC"),
            ],
        },
    ],
}


# --- Arabic (right to left; screens with words come from emails-ar/) ---------------------------

AR = {
    "slug": "emails",
    "title": "البريد الإلكتروني",
    "summary": "عنوان البريد، قراءة الرسائل والرد عليها، إرسال وثيقة، كشف الاحتيال.",
    "lessons": [
        {
            "slug": "adresse-e-mail",
            "title": "ما هو عنوان البريد الإلكتروني؟",
            "summary": "أجزاء العنوان، زر @، ولماذا يطلبونه منك.",
            "steps": [
                image(img("mailbox"), "<p>عنوان البريد الإلكتروني مثل <b>صندوق رسائل</b> على الإنترنت.</p>"
                      "<p>رسائلك تصل إليه.</p>"),
                image(img("address-parts", A), "<p>للعنوان <b>ثلاثة أجزاء</b>: الاسم، ثم علامة <b>@</b>، "
                      "ثم خدمة البريد.</p><p><b>لا توجد مسافة</b>.</p>"),
                hotspot(img("keyboard", A), "emails-ar/keyboard#at", "<p>علامة @ موجودة على لوحة المفاتيح. "
                        "اضغط على زر <b>@</b>.</p>",
                        "أحسنت! هذا هو زر @.", "ليس هنا. زر @ في الأسفل، بجانب زر المسافة الطويل."),
                image(img("who-asks", A), "<p><b>CAF</b> و<b>التأمين الصحي</b> و<b>أصحاب العمل</b> "
                      "يطلبون عنوان بريدك.</p><p>يرسلون لك رسائل مهمة.</p>"),
                tip("<p>علامة @ اسمها بالفرنسية « <b>arobase</b> ».</p>"
                    "<p>نقول: amina point diallo <b>arobase</b> exemple point fr.</p>"),
                single_choice("<p>أي عنوان هو <b>الصحيح</b>؟</p>", address_choices(),
                              "أحسنت! علامة @ واحدة، ولا مسافة.",
                              "ليس تمامًا. في العنوان علامة @ واحدة ولا مسافة. انظر مرة أخرى.", "COM"),
                typed_answer("<p>اكتب هذا العنوان:</p><p><b>yonas.tesfaye@exemple.fr</b></p>",
                             ["yonas.tesfaye@exemple.fr"], "رائع! كتبت العنوان بشكل صحيح.",
                             "قريب! تحقق من النقطة، ومن @، ومن النهاية: exemple.fr.", "APP", input_mode="email"),
                ordering("<p>رتّب أجزاء العنوان <b>بالترتيب</b>.</p>",
                         ["amina.diallo", "@", "exemple.fr"], "أحسنت! الاسم، ثم @، ثم خدمة البريد.",
                         "ليس بعد. نبدأ بالاسم. علامة @ في الوسط.", "COM"),
            ],
        },
        {
            "slug": "lire-et-repondre",
            "title": "قراءة رسالة والرد عليها",
            "summary": "صندوق الوارد، فتح رسالة، زر « رد ».",
            "steps": [
                image(img("inbox", A), "<p>هذا هو <b>البريد الوارد</b>.</p><p>كل رسائلك تصل هنا.</p>"),
                tip("<p>الرسالة المكتوبة <b>بخط عريض</b>، مع نقطة زرقاء، <b>لم تُقرأ بعد</b>.</p>"),
                hotspot(img("inbox", A), "emails-ar/inbox#open", "<p>اضغط على رسالة <b>Sophie Martin</b> "
                        "لتفتحها.</p>", "أحسنت! الرسالة تُفتح.",
                        "ليس هنا. ابحث عن اسم Sophie Martin في أعلى القائمة."),
                image(img("message", A), "<p>الرسالة مفتوحة.</p><p>في الأعلى: <b>الموضوع</b> و<b>اسم</b> "
                      "الشخص.</p>"),
                image(img("reply-compose", A), "<p>للرد، اضغط على <b>رد</b>. اكتب رسالتك.</p>"
                      "<p>عنوان صوفي مكتوب من قبل.</p>"),
                hotspot(img("reply-compose", A), "emails-ar/reply-compose#send", "<p>رسالتك جاهزة. "
                        "اضغط على <b>إرسال</b>.</p>", "أحسنت! أُرسلت رسالتك.",
                        "ليس هنا. زر إرسال في الأعلى."),
                hotspot_question("<p>تريد الرد على صوفي. اضغط على <b>رد</b>.</p>", img("message", A),
                                 "emails-ar/message#reply", "نعم! زر رد يفتح ردّك.",
                                 "ليس هنا. ابحث عن زر رد في الأسفل.", "COM"),
                single_choice("<p>انظر إلى البريد الوارد. أي رسالة <b>لم تُقرأ بعد</b>؟</p>",
                              [choice("Sophie Martin", correct=True), choice("جمعية Horizon"),
                               choice("مكتبة Belleville"), choice("Karim B.")],
                              "أحسنت! رسالة Sophie Martin مكتوبة بخط عريض.",
                              "انظر مرة أخرى: الرسالة غير المقروءة مكتوبة بخط عريض.", "COM",
                              image_path=img("inbox", A)),
                true_false("<p>الرسالة المكتوبة <b>بخط عريض</b> قد قُرئت من قبل.</p>", False,
                           "صحيح، هذا خطأ! الخط العريض يعني أن الرسالة لم تُقرأ بعد.",
                           "انتبه: الخط العريض يعني أن الرسالة لم تُقرأ بعد.", "COM"),
            ],
        },
        {
            "slug": "piece-jointe",
            "title": "إرسال مرفق",
            "summary": "مشبك الورق، اختيار صورة وثيقة، التحقق قبل الإرسال.",
            "steps": [
                image(img("paperclip"), "<p><b>المرفق</b> هو ملف تُرسله مع الرسالة.</p>"
                      "<p>مثلًا: صورة وثيقة.</p>"),
                image(img("compose", A), "<p>لإضافة مرفق، يوجد <b>مشبك الورق</b>.</p>"),
                hotspot(img("compose", A), "emails-ar/compose#clip", "<p>اضغط على <b>مشبك الورق</b>.</p>",
                        "أحسنت! يمكنك اختيار ملف.", "ليس هنا. مشبك الورق في الأعلى، بجانب إرسال."),
                image(img("choose-photo", A), "<p>اختر <b>صورة الوثيقة</b>.</p><p>ثم اضغط على <b>إضافة</b>.</p>"),
                image(img("attached-check", A), "<p>قبل الإرسال، <b>تحقق</b>: العنوان، الموضوع، "
                      "المرفق.</p><p>ثم اضغط على <b>إرسال</b>.</p>"),
                warning("<p>أرسل وثائقك <b>فقط</b> إلى أشخاص تعرفهم.</p>"),
                hotspot_question("<p>على هذا الهاتف، اضغط على <b>مشبك الورق</b> لإضافة الوثيقة.</p>",
                                 img("reply-clip", A), "emails-ar/reply-clip#clip", "أحسنت! هذا هو مشبك الورق.",
                                 "ليس هنا. ابحث عن مشبك الورق في الأعلى.", "COM"),
                ordering("<p>رتّب الخطوات <b>بالترتيب</b>.</p>",
                         ["فتح رسالة جديدة", "الضغط على مشبك الورق", "اختيار صورة الوثيقة",
                          "التحقق من الرسالة", "الضغط على « إرسال »"],
                         "أحسنت! تعرف كيف ترسل مرفقًا.",
                         "ليس بعد. نرسل في النهاية، بعد التحقق.", "COM"),
                multiple_choice("<p>قبل الإرسال، ماذا يجب أن <b>تتحقق</b> منه؟ اختر كل الأجوبة الصحيحة.</p>",
                                [choice("عنوان الشخص", correct=True), choice("المرفق", correct=True),
                                 choice("لون الشاشة"), choice("الساعة")],
                                "أحسنت! العنوان والمرفق.",
                                "ليس تمامًا. نتحقق من العنوان ومن المرفق.", "COM"),
            ],
        },
        {
            "slug": "reperer-une-arnaque",
            "title": "كشف الاحتيال",
            "summary": "علامات الرسالة المزيفة وماذا تفعل.",
            "steps": [
                image(img("scam-message", A), "<p>انتبه! بعض الرسائل <b>مزيفة</b>.</p>"
                      "<p>تريد سرقة أموالك.</p>"),
                image(img("scam-signs", A), "<p>علامات الاحتيال: عنوان غريب، <b>الاستعجال</b>، "
                      "طلب <b>المال</b>، رابط غريب.</p>"),
                hotspot(img("scam-message", A), "emails-ar/scam-message#link", "<p>اضغط على <b>الرابط الغريب</b>.</p>"
                        "<p>هذا تمرين: لن يُفتح شيء.</p>",
                        "أحسنت! هذا الرابط ليس الموقع الحقيقي.", "ليس هنا. الرابط تحته خط، في الأسفل."),
                image(img("scam-sms", A), "<p>الاحتيال يصل أيضًا عبر <b>الرسائل القصيرة</b> (SMS).</p>"),
                image(img("scam-what-to-do", A), "<p>ماذا تفعل؟ <b>لا تضغط</b> على الرابط. <b>احذف</b> الرسالة.</p>"
                      "<p><b>اسأل</b> مرشدًا (référent).</p>"),
                warning("<p>التأمين الصحي و CAF <b>لا يطلبان أبدًا</b> الرمز السري لبطاقتك البنكية.</p>"),
                true_false("<p>هذه الرسالة <b>احتيال</b>.</p>", True,
                           "نعم! لا نعطي أبدًا الرمز البنكي.",
                           "انتبه: هذه الرسالة تطلب رمزك البنكي. إنها احتيال.", "SEC",
                           image_path=img("tf-bank", A)),
                true_false("<p>هذه الرسالة <b>احتيال</b>.</p>", False,
                           "نعم! صوفي تتكلم عن الورشة فقط. إنها رسالة حقيقية.",
                           "انظر جيدًا: لا مال، لا رابط، لا استعجال. إنها رسالة حقيقية.", "SEC",
                           image_path=img("tf-friend", A)),
                true_false("<p>هذه الرسالة <b>احتيال</b>.</p>", True,
                           "نعم! هدية مجانية ورابط غريب: إنها احتيال.",
                           "انتبه: « جائزة » ورابط غريب يعنيان احتيالًا.", "SEC",
                           image_path=img("tf-prize", A)),
                true_false("<p>هذه الرسالة <b>احتيال</b>.</p>", False,
                           "نعم! المركز يعطي موعد الدرس فقط.",
                           "انظر جيدًا: لا مال، لا رابط. إنها رسالة حقيقية.", "SEC",
                           image_path=img("tf-centre", A)),
                single_choice("<p>أي رسالة هي <b>احتيال</b>؟</p>",
                              scam_pick_choices(A, ["جمعية Horizon", "المكتبة", "التوصيل"]),
                              "أحسنت! استعجال ومال ورابط غريب: إنها احتيال.",
                              "ليست هذه. ابحث عن الرسالة التي تطلب المال بسرعة.", "SEC"),
                multiple_choice("<p>ما هي <b>علامات</b> الاحتيال؟ اختر كل الأجوبة الصحيحة.</p>",
                                [choice("يجب أن تدفع بسرعة", correct=True), choice("رابط غريب", correct=True),
                                 choice("يطلبون رمزك البنكي", correct=True), choice("الرسالة تقول مرحبًا")],
                                "أحسنت! تعرف كيف تكشف الاحتيال.",
                                "ليس تمامًا. قول مرحبًا أمر عادي. الاستعجال والمال والرابط الغريب علامات.",
                                "SEC"),
            ],
        },
    ],
}

# --- Dari and Ukrainian: the first lesson only (not reviewed by a native speaker yet, see README) ----
# Dari as spoken in Afghanistan: « علامه » (not « علامت »), « انترنت », « بیمهٔ صحی », « کورس », « شاباش ».
# The screens with words stay the French ones (emails/): the learner meets them in France.

FA = {
    "slug": "emails",
    "title": "ایمیل",
    "summary": "آدرس ایمیل، خواندن و جواب دادن، فرستادن یک سند، شناختن فریبکاری.",
    "lessons": [
        {
            "slug": "adresse-e-mail",
            "title": "آدرس ایمیل چیست؟",
            "summary": "بخش‌های یک آدرس، علامهٔ @، و اینکه چرا آدرس ایمیلت را می‌خواهند.",
            "steps": [
                image(img("mailbox"), "<p>آدرس ایمیل مانند یک <b>صندوق پست</b> در انترنت است.</p>"
                      "<p>پیام‌هایت به آنجا می‌رسد.</p>"),
                image(img("address-parts"), "<p>یک آدرس <b>سه بخش</b> دارد: نام، علامهٔ <b>@</b>، "
                      "و سرویس ایمیل.</p><p>در آدرس <b>هیچ فاصله‌ای نیست</b>.</p>"),
                hotspot(img("keyboard"), "emails/keyboard#at", "<p>علامهٔ @ روی کیبورد است. "
                        "دکمهٔ <b>@</b> را بزن.</p>",
                        "شاباش! این دکمهٔ @ است.", "اینجا نیست. @ پایین است، کنار دکمهٔ بزرگ فاصله."),
                image(img("who-asks"), "<p><b>CAF</b>، <b>بیمهٔ صحی</b> (Assurance Maladie) و <b>کارفرمایان</b> "
                      "آدرس ایمیلت را می‌خواهند.</p><p>آن‌ها برایت پیام‌های مهم می‌فرستند.</p>"),
                tip("<p>علامهٔ @ به فرانسوی « <b>arobase</b> » گفته می‌شود.</p>"
                    "<p>می‌گوییم: amina point diallo <b>arobase</b> exemple point fr.</p>"),
                single_choice("<p>کدام آدرس <b>درست</b> است؟</p>", address_choices(),
                              "شاباش! فقط یک @، و هیچ فاصله‌ای نیست.",
                              "نه کاملاً. یک آدرس فقط یک @ دارد و فاصله ندارد. دوباره ببین.", "COM"),
                typed_answer("<p>این آدرس را بنویس:</p><p><b>yonas.tesfaye@exemple.fr</b></p>",
                             ["yonas.tesfaye@exemple.fr"], "عالی! آدرس را درست نوشتی.",
                             "نزدیک شدی! نقطه، @ و آخر آدرس را ببین: exemple.fr.", "APP", input_mode="email"),
                ordering("<p>بخش‌های آدرس را به <b>ترتیب</b> بگذار.</p>",
                         ["amina.diallo", "@", "exemple.fr"], "شاباش! اول نام، بعد @، بعد سرویس ایمیل.",
                         "هنوز نه. با نام شروع کن. @ در وسط است.", "COM"),
            ],
        },
    ],
}

UK = {
    "slug": "emails",
    "title": "Електронна пошта",
    "summary": "Адреса електронної пошти, читання й відповідь, надсилання документа, як розпізнати шахрайство.",
    "lessons": [
        {
            "slug": "adresse-e-mail",
            "title": "Що таке адреса електронної пошти?",
            "summary": "Частини адреси, знак @ і навіщо в тебе її просять.",
            "steps": [
                image(img("mailbox"), "<p>Адреса електронної пошти — це як <b>поштова скринька</b> в інтернеті.</p>"
                      "<p>Твої листи приходять туди.</p>"),
                image(img("address-parts"), "<p>Адреса має <b>три частини</b>: ім'я, знак <b>@</b> "
                      "і поштову службу.</p><p>У ній <b>немає пробілів</b>.</p>"),
                hotspot(img("keyboard"), "emails/keyboard#at", "<p>Знак @ є на клавіатурі. "
                        "Торкнися клавіші <b>@</b>.</p>",
                        "Молодець! Це клавіша @.", "Не тут. Знак @ унизу, біля довгої клавіші пробілу."),
                image(img("who-asks"), "<p><b>CAF</b>, <b>медичне страхування</b> (Assurance Maladie) і "
                      "<b>роботодавці</b> просять твою адресу електронної пошти.</p>"
                      "<p>Вони надсилають тобі важливі листи.</p>"),
                tip("<p>Знак @ французькою називається « <b>arobase</b> ».</p>"
                    "<p>Кажуть так: amina point diallo <b>arobase</b> exemple point fr.</p>"),
                single_choice("<p>Яка адреса <b>правильна</b>?</p>", address_choices(),
                              "Молодець! Лише один знак @ і жодного пробілу.",
                              "Не зовсім. В адресі лише один знак @ і немає пробілів. Подивися ще раз.", "COM"),
                typed_answer("<p>Напиши цю адресу:</p><p><b>yonas.tesfaye@exemple.fr</b></p>",
                             ["yonas.tesfaye@exemple.fr"], "Чудово! Адресу написано правильно.",
                             "Майже! Перевір крапку, знак @ і кінець: exemple.fr.", "APP", input_mode="email"),
                ordering("<p>Розстав частини адреси <b>по порядку</b>.</p>",
                         ["amina.diallo", "@", "exemple.fr"], "Молодець! Спочатку ім'я, потім @, потім поштова служба.",
                         "Ще ні. Почни з імені. Знак @ посередині.", "COM"),
            ],
        },
    ],
}

TRANSLATIONS = {"en": EN, "ar": AR, "fa": FA, "uk": UK}
