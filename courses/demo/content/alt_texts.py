"""The alt text of each demo picture, in each language of the lessons that show it: what a learner
sees, in a few words (read aloud by a screen reader, shown if the picture does not load).

Keys are paths under ``courses/demo/images``. Every picture a lesson shows has a French text; the
pictures of the English and Arabic lessons have one in that language too (``emails-ar/`` holds the
Arabic screens, shown in Arabic lessons only)."""

ALT_TEXTS = {
    # --- Les e-mails: pictures without words, and the French screens ------------------------------
    "emails/mailbox.webp": {
        "fr": "Une boîte aux lettres avec des enveloppes, sur un écran",
        "en": "A letterbox with envelopes, on a screen",
        "ar": "صندوق بريد فيه رسائل، على شاشة",
    },
    "emails/address-parts.webp": {
        "fr": "L'adresse amina.diallo@exemple.fr en trois parties : le nom, le @, la messagerie",
        "en": "The address amina.diallo@exemple.fr in three parts: the name, the @, the mail service",
    },
    "emails/keyboard.webp": {
        "fr": "Le clavier de la tablette, avec la touche @ près de la barre d'espace",
        "en": "The tablet's keyboard, with the @ key next to the space bar",
    },
    "emails/who-asks.webp": {
        "fr": "La CAF, l'Assurance Maladie et un employeur demandent une adresse e-mail",
        "en": "The CAF, the health insurance and an employer ask for an e-mail address",
        "ar": "الكاف والتأمين الصحي وصاحب عمل يطلبون عنوان البريد الإلكتروني",
    },
    "emails/addr-a.webp": {
        "fr": "L'adresse amina.diallo@exemple.fr",
        "en": "The address amina.diallo@exemple.fr",
        "ar": "العنوان amina.diallo@exemple.fr",
    },
    "emails/addr-b.webp": {
        "fr": "L'adresse amina.diallo.exemple.fr, sans @",
        "en": "The address amina.diallo.exemple.fr, with no @",
        "ar": "العنوان amina.diallo.exemple.fr، بدون @",
    },
    "emails/addr-c.webp": {
        "fr": "L'adresse amina diallo@exemple.fr, avec un espace",
        "en": "The address amina diallo@exemple.fr, with a space",
        "ar": "العنوان amina diallo@exemple.fr، فيه مسافة",
    },
    "emails/addr-d.webp": {
        "fr": "L'adresse amina@diallo@exemple.fr, avec deux @",
        "en": "The address amina@diallo@exemple.fr, with two @",
        "ar": "العنوان amina@diallo@exemple.fr، فيه علامتا @",
    },
    "emails/inbox.webp": {
        "fr": "La boîte de réception : le message de Sophie Martin en gras, en haut de la liste",
        "en": "The inbox: Sophie Martin's message in bold, at the top of the list",
    },
    "emails/message.webp": {
        "fr": "Un message ouvert : le sujet, le nom de Sophie Martin, le bouton Répondre en bas",
        "en": "An open message: the subject, Sophie Martin's name, the Reply button at the bottom",
    },
    "emails/reply-compose.webp": {
        "fr": "La réponse à Sophie, prête, avec le bouton Envoyer en haut à droite",
        "en": "The reply to Sophie, ready, with the Send button at the top right",
    },
    "emails/paperclip.webp": {
        "fr": "Un trombone qui tient une photo de document",
        "en": "A paperclip holding a photo of a document",
        "ar": "مشبك ورق يمسك صورة وثيقة",
    },
    "emails/compose.webp": {
        "fr": "Un nouveau message, avec le trombone en haut près d'Envoyer",
        "en": "A new message, with the paperclip at the top next to Send",
    },
    "emails/choose-photo.webp": {
        "fr": "Les photos de la tablette : la photo du document est choisie, et le bouton Ajouter",
        "en": "The tablet's photos: the document's photo is chosen, and the Add button",
    },
    "emails/attached-check.webp": {
        "fr": "Un message prêt : l'adresse, l'objet et la pièce jointe à vérifier",
        "en": "A message ready: the address, the subject and the attachment to check",
    },
    "emails/reply-clip.webp": {
        "fr": "Une réponse sur un téléphone, avec une pièce jointe",
        "en": "A reply on a phone, with an attachment",
    },
    "emails/pick-a.webp": {
        "fr": "Un message « Cours de français » du centre",
        "en": "A « French lessons » message from the centre",
    },
    "emails/pick-b.webp": {
        "fr": "Un message « Vos livres » de la bibliothèque",
        "en": "A « Your books » message from the library",
    },
    "emails/pick-c.webp": {
        "fr": "Un message « URGENT : colis bloqué » qui demande de payer",
        "en": "A « URGENT: parcel held » message asking you to pay",
    },
    "emails/scam-message.webp": {
        "fr": "Un faux message : « Payez tout de suite », avec un lien bizarre",
        "en": "A fake message: « Pay right now », with a strange link",
    },
    "emails/scam-signs.webp": {
        "fr": "Les signes d'une arnaque : l'urgence, un lien bizarre, une demande d'argent",
        "en": "The signs of a scam: urgency, a strange link, a request for money",
        "ar": "علامات الاحتيال: الاستعجال، رابط غريب، طلب مال",
    },
    "emails/scam-sms.webp": {
        "fr": "Un faux SMS avec un lien, sur un téléphone",
        "en": "A fake text message with a link, on a phone",
        "ar": "رسالة نصية مزيفة فيها رابط، على هاتف",
    },
    "emails/scam-what-to-do.webp": {
        "fr": "Que faire : ne pas toucher le lien, supprimer le message, demander conseil",
        "en": "What to do: do not tap the link, delete the message, ask for advice",
        "ar": "ماذا تفعل: لا تلمس الرابط، احذف الرسالة، اطلب النصيحة",
    },
    "emails/tf-bank.webp": {
        "fr": "Un message « Votre compte va être fermé ! »",
        "en": "A « Your account will be closed! » message",
    },
    "emails/tf-centre.webp": {
        "fr": "Un message « Cours d'informatique » du centre",
        "en": "A « Computer lessons » message from the centre",
    },
    "emails/tf-friend.webp": {
        "fr": "Un message « Atelier de mardi » d'une amie",
        "en": "A « Tuesday's workshop » message from a friend",
    },
    "emails/tf-prize.webp": {
        "fr": "Un message « Vous avez gagné un téléphone ! »",
        "en": "A « You have won a phone! » message",
    },
    # --- Les e-mails: the Arabic screens -----------------------------------------------------------
    "emails-ar/address-parts.webp": {"ar": "العنوان amina.diallo@exemple.fr في ثلاثة أجزاء: الاسم، و@، وخدمة البريد"},
    "emails-ar/keyboard.webp": {"ar": "لوحة مفاتيح الجهاز اللوحي، وزر @ بجانب زر المسافة"},
    "emails-ar/who-asks.webp": {"ar": "الكاف والتأمين الصحي وصاحب عمل يطلبون عنوان البريد الإلكتروني"},
    "emails-ar/inbox.webp": {"ar": "البريد الوارد: رسالة صوفي مارتان بخط عريض في أعلى القائمة"},
    "emails-ar/message.webp": {"ar": "رسالة مفتوحة: الموضوع، واسم صوفي مارتان، وزر الرد في الأسفل"},
    "emails-ar/reply-compose.webp": {"ar": "الرد على صوفي جاهز، وزر الإرسال في الأعلى"},
    "emails-ar/compose.webp": {"ar": "رسالة جديدة، ومشبك الورق في الأعلى بجانب زر الإرسال"},
    "emails-ar/choose-photo.webp": {"ar": "صور الجهاز اللوحي: صورة الوثيقة مختارة، وزر الإضافة"},
    "emails-ar/attached-check.webp": {"ar": "رسالة جاهزة: العنوان والموضوع والمرفق للتحقق منها"},
    "emails-ar/reply-clip.webp": {"ar": "رد على هاتف، مع مرفق"},
    "emails-ar/pick-a.webp": {"ar": "رسالة «دروس اللغة الفرنسية» من المركز"},
    "emails-ar/pick-b.webp": {"ar": "رسالة «كتبك» من المكتبة"},
    "emails-ar/pick-c.webp": {"ar": "رسالة «عاجل: طرد محجوز» تطلب الدفع"},
    "emails-ar/scam-message.webp": {"ar": "رسالة مزيفة: «ادفع الآن»، مع رابط غريب"},
    "emails-ar/scam-signs.webp": {"ar": "علامات الاحتيال: الاستعجال، رابط غريب، طلب مال"},
    "emails-ar/scam-sms.webp": {"ar": "رسالة نصية مزيفة فيها رابط، على هاتف"},
    "emails-ar/scam-what-to-do.webp": {"ar": "ماذا تفعل: لا تلمس الرابط، احذف الرسالة، اطلب النصيحة"},
    "emails-ar/tf-bank.webp": {"ar": "رسالة «سيتم إغلاق حسابك!»"},
    "emails-ar/tf-centre.webp": {"ar": "رسالة «دروس الحاسوب» من المركز"},
    "emails-ar/tf-friend.webp": {"ar": "رسالة «ورشة يوم الثلاثاء» من صديقة"},
    "emails-ar/tf-prize.webp": {"ar": "رسالة «لقد ربحت هاتفًا!»"},
    # --- Améli --------------------------------------------------------------------------------------
    "ameli/attestation-download.webp": {"fr": "Le bouton pour obtenir l'attestation de droits, sur le site Améli"},
    "ameli/attestation-paper.webp": {"fr": "Une attestation de droits à l'Assurance Maladie, sur papier"},
    "ameli/demarches.webp": {"fr": "Le menu « Mes démarches » du compte Améli"},
    "ameli/forgot.webp": {"fr": "Le lien « Mot de passe oublié » sous le formulaire de connexion"},
    "ameli/franceconnect.webp": {"fr": "Le bouton bleu « S'identifier avec FranceConnect »"},
    "ameli/home.webp": {"fr": "L'accueil du compte Améli, avec ses menus"},
    "ameli/login.webp": {
        "fr": "La page de connexion Améli : le numéro de sécurité sociale et le mot de passe",
        "ar": "صفحة الدخول إلى أملي: رقم الضمان الاجتماعي وكلمة المرور",
    },
    "ameli/pdf.webp": {"fr": "L'attestation ouverte en fichier PDF sur la tablette"},
    "ameli/secu-number.webp": {
        "fr": "Un numéro de sécurité sociale à 13 chiffres et sa clé",
        "ar": "رقم ضمان اجتماعي من 13 رقمًا ومفتاحه",
    },
    "ameli/vitale-card.webp": {"fr": "Une carte Vitale verte, avec le nom et le numéro"},
    # --- CAF ----------------------------------------------------------------------------------------
    "caf/account-home.webp": {"fr": "L'accueil de Mon Compte CAF, avec ses menus"},
    "caf/calendar-quarter.webp": {"fr": "Un calendrier : une déclaration tous les trois mois"},
    "caf/change-address.webp": {"fr": "Le formulaire pour donner une nouvelle adresse à la CAF"},
    "caf/change-done.webp": {"fr": "Le message « Changement enregistré », avec une coche verte"},
    "caf/change-menu.webp": {"fr": "Le menu « Signaler un changement » de Mon Compte CAF"},
    "caf/declare-form.webp": {"fr": "Le formulaire de déclaration trimestrielle, avec les ressources à écrire"},
    "caf/declare-home.webp": {"fr": "L'alerte « Déclaration trimestrielle à faire » sur l'accueil CAF"},
    "caf/forget.webp": {"fr": "Sans déclaration, les aides s'arrêtent : un paiement barré"},
    "caf/help.webp": {"fr": "Les personnes qui peuvent aider : le centre, un point d'accueil CAF"},
    "caf/indu-letter.webp": {"fr": "Un courrier de la CAF sur un indu : une somme à rembourser"},
    "caf/letters-list.webp": {"fr": "La liste « Mes courriers » de Mon Compte CAF"},
    "caf/life-changes.webp": {"fr": "Les changements à signaler : déménagement, travail, naissance"},
    "caf/login.webp": {"fr": "La page de connexion à Mon Compte CAF : le numéro allocataire et le code"},
    "caf/number-letter.webp": {"fr": "Un courrier de la CAF, le numéro allocataire entouré en haut"},
    "caf/payment-notice.webp": {"fr": "Un courrier de paiement de la CAF, avec la somme versée"},
    "caf/resources.webp": {"fr": "Les ressources à déclarer : salaire, chômage, autres revenus"},
    "caf/secret-code.webp": {"fr": "Un code confidentiel caché derrière un cadenas"},
    # --- Le code ------------------------------------------------------------------------------------
    "code/ask-advice.webp": {
        "fr": "Une apprenante pose une question à une formatrice, au centre",
        "ar": "متعلمة تطرح سؤالًا على مدربة في المركز",
    },
    "code/choice-image.webp": {"fr": "Une page web avec l'image d'un soleil"},
    "code/choice-paragraph.webp": {"fr": "Une page web avec un petit texte"},
    "code/choice-title.webp": {"fr": "Une page web avec un grand titre"},
    "code/editor-run.webp": {"fr": "Un éditeur de code en ligne et son bouton Lancer"},
    "code/everywhere.webp": {"fr": "Un téléphone, une caisse et un distributeur : le code est partout"},
    "code/html-h1.webp": {"fr": "La balise h1 et le grand titre qu'elle affiche"},
    "code/html-img.webp": {"fr": "La balise img et l'image qu'elle affiche"},
    "code/html-p.webp": {"fr": "La balise p et le paragraphe qu'elle affiche"},
    "code/html-page.webp": {"fr": "Du code HTML à gauche, la page qu'il affiche à droite"},
    "code/html-tags.webp": {"fr": "Une balise qui s'ouvre et une balise qui se ferme, autour d'un texte"},
    "code/instructions.webp": {"fr": "Une liste d'instructions que l'ordinateur suit une par une"},
    "code/jobs.webp": {"fr": "Des métiers du numérique : développeuse, technicien, testeur"},
    "code/order-matters.webp": {"fr": "Les mêmes instructions dans deux ordres, deux résultats différents"},
    "code/print.webp": {"fr": "La ligne print(\"Bonjour\") et le message Bonjour affiché"},
    "code/quotes.webp": {"fr": "Un texte entre guillemets et un nom sans guillemets"},
    "code/recipe.webp": {"fr": "Une recette de cuisine, étape par étape, comme un programme"},
    "code/training-path.webp": {
        "fr": "Un chemin du centre jusqu'à un métier du numérique, étape par étape",
        "ar": "طريق من المركز إلى مهنة في المجال الرقمي، خطوة بخطوة",
    },
    "code/variable-print.webp": {"fr": "Une variable nom et la ligne qui affiche sa valeur"},
    "code/variable.webp": {"fr": "Une boîte nommée « nom » qui contient le mot Amina"},
    # --- L'emploi -----------------------------------------------------------------------------------
    "emploi/apply-mail.webp": {"fr": "Un e-mail de candidature, avec le CV en pièce jointe"},
    "emploi/brut-net.webp": {"fr": "Une fiche de paie : le salaire brut en haut, le net en bas"},
    "emploi/checklist.webp": {"fr": "Une liste à cocher avant d'envoyer une candidature"},
    "emploi/contracts.webp": {"fr": "Trois contrats : CDI, CDD et intérim"},
    "emploi/cv-experience.webp": {"fr": "Un CV avec le travail fait dans le pays d'avant"},
    "emploi/cv-languages.webp": {"fr": "La partie Langues d'un CV : arabe, tigrigna, français"},
    "emploi/cv-not-needed.webp": {"fr": "Ce qui n'est pas utile sur un CV : la photo, la religion, la situation"},
    "emploi/cv-sections.webp": {"fr": "Un CV et ses parties : le nom, l'expérience, les langues"},
    "emploi/hours-35.webp": {"fr": "Une horloge et une semaine de travail de 35 heures"},
    "emploi/mail-message.webp": {"fr": "Un message de candidature court et poli"},
    "emploi/offer.webp": {"fr": "Une offre d'emploi : le poste, le lieu, le contrat, le salaire"},
    "emploi/results.webp": {"fr": "La liste des offres trouvées après une recherche"},
    "emploi/save-pdf.webp": {"fr": "Le menu pour enregistrer le CV en PDF"},
    "emploi/search.webp": {"fr": "Un site d'offres d'emploi : le métier et la ville à écrire"},
    "emploi/video-call.webp": {"fr": "Un entretien en visio : le micro, la caméra et le bouton raccrocher"},
    "emploi/video-invite.webp": {"fr": "Un e-mail qui invite à un entretien en visio, avec le lien"},
    "emploi/video-test.webp": {"fr": "Tester la caméra et le micro la veille de l'entretien"},
}
