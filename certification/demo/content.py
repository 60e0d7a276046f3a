# ruff: noqa: E501 (one question a line reads best)
"""The demo's certification: three levels over the competences of shared/CURRICULUM.md, and a
question bank per competence (9 questions: three times the 3 an exam draws), in easy French, with an
Arabic translation of level 1's banks.

A question is ``("tf", prompt, is_true)``, ``("sc", prompt, choices, right_index)``,
``("order", prompt, items_in_order)`` or ``("typed", prompt, accepted_answers)``."""

LEVELS = [
    {"name": "Niveau 1 — Premiers pas", "rank": 1, "duration": 15, "draws": {"APP": 3, "SEC": 3, "COM": 3},
     "description": "Utiliser une tablette, rester prudent en ligne, lire et écrire un e-mail.",
     "lessons": ["adresse-e-mail", "lire-et-repondre", "reperer-une-arnaque"]},
    {"name": "Niveau 2 — Autonome", "rank": 2, "duration": 20, "draws": {"COM": 3, "DEM": 3, "EMP": 3},
     "description": "Faire ses démarches en ligne (Améli, CAF) et chercher un emploi.",
     "lessons": ["piece-jointe", "attestation-de-droits", "declaration-trimestrielle", "postuler-par-e-mail"]},
    {"name": "Niveau 3 — Avancé", "rank": 3, "duration": 25, "draws": {"DEM": 3, "EMP": 3, "COD": 3},
     "description": "Démarches, candidatures et premiers pas en code.",
     "lessons": ["signaler-un-changement", "entretien-en-visio", "mon-premier-programme"]},
]

FEEDBACK = {"fr": ("Bonne réponse.", "Ce n'est pas la bonne réponse."),
            "ar": ("إجابة صحيحة.", "ليست الإجابة الصحيحة.")}

BANKS = {
    "APP": {
        "fr": [
            ("tf", "Pour ouvrir une application, je <b>touche</b> son icône.", True),
            ("sc", "Sur le clavier, quelle touche écrit <b>@</b> ?", ["La touche @ (ou « ?123 » puis @)", "La touche Entrée", "La touche Espace"], 0),
            ("tf", "Pour descendre dans une page, je fais glisser mon doigt vers le <b>haut</b>.", True),
            ("sc", "Pour fermer une application, je…", ["l'éteins avec le bouton du son", "la balaie vers le haut dans la liste des applications", "retourne la tablette"], 1),
            ("order", "Mets dans l'ordre pour écrire un message.", ["Ouvrir l'application", "Toucher « Nouveau message »", "Écrire le texte", "Toucher « Envoyer »"]),
            ("typed", "Écris le signe qui est dans toutes les adresses e-mail.", ["@"]),
            ("tf", "Une tablette doit être chargée avec son câble quand la batterie est faible.", True),
            ("sc", "Pour agrandir une image, je…", ["écarte deux doigts sur l'image", "tape trois fois sur l'écran", "secoue la tablette"], 0),
            ("tf", "Le bouton « Retour » ferme toujours la tablette.", False),
        ],
        "ar": [
            ("tf", "لفتح تطبيق، <b>ألمس</b> أيقونته.", True),
            ("sc", "على لوحة المفاتيح، أي زر يكتب <b>@</b>؟", ["زر @ (أو « ?123 » ثم @)", "زر الإدخال", "زر المسافة"], 0),
            ("tf", "للنزول في الصفحة، أسحب إصبعي إلى <b>الأعلى</b>.", True),
            ("sc", "لإغلاق تطبيق…", ["أطفئه بزر الصوت", "أسحبه إلى الأعلى في قائمة التطبيقات", "أقلب الجهاز اللوحي"], 1),
            ("order", "رتّب الخطوات لكتابة رسالة.", ["فتح التطبيق", "لمس « رسالة جديدة »", "كتابة النص", "لمس « إرسال »"]),
            ("typed", "اكتب الرمز الموجود في كل عناوين البريد الإلكتروني.", ["@"]),
            ("tf", "يجب شحن الجهاز اللوحي بالكابل عندما تكون البطارية ضعيفة.", True),
            ("sc", "لتكبير صورة…", ["أباعد إصبعين على الصورة", "أنقر ثلاث مرات على الشاشة", "أهز الجهاز اللوحي"], 0),
            ("tf", "زر « رجوع » يطفئ الجهاز اللوحي دائمًا.", False),
        ],
    },
    "SEC": {
        "fr": [
            ("tf", "Je peux donner mon mot de passe à quelqu'un qui téléphone de la part de la CAF.", False),
            ("sc", "Un message dit : « Payez 2 € tout de suite ou votre compte sera fermé ». C'est…", ["une arnaque", "un message normal de la banque", "une bonne affaire"], 0),
            ("sc", "Quel lien est suspect ?", ["ameli.fr", "ameli-remboursement.xyz", "caf.fr"], 1),
            ("tf", "Un bon mot de passe est long et ne contient pas mon prénom.", True),
            ("order", "Un message bizarre arrive. Mets dans l'ordre ce que je fais.", ["Je ne clique pas sur le lien", "Je supprime le message", "J'en parle à un référent"]),
            ("tf", "Je peux écrire mon code de carte bancaire dans un e-mail.", False),
            ("sc", "Que faire si je ne connais pas l'expéditeur d'une pièce jointe ?", ["L'ouvrir vite", "Ne pas l'ouvrir", "La transférer à mes amis"], 1),
            ("typed", "Un message urgent qui demande de l'argent est souvent une… (un mot)", ["arnaque"]),
            ("tf", "Sur une tablette partagée, je touche « Terminer » quand j'ai fini.", True),
        ],
        "ar": [
            ("tf", "يمكنني إعطاء كلمة المرور لشخص يتصل باسم الـ CAF.", False),
            ("sc", "رسالة تقول: « ادفع 2 € الآن وإلا سيُغلق حسابك ». هذه…", ["عملية احتيال", "رسالة عادية من البنك", "صفقة جيدة"], 0),
            ("sc", "أي رابط مشبوه؟", ["ameli.fr", "ameli-remboursement.xyz", "caf.fr"], 1),
            ("tf", "كلمة المرور الجيدة طويلة ولا تحتوي على اسمي.", True),
            ("order", "وصلتني رسالة غريبة. رتّب ما أفعله.", ["لا أنقر على الرابط", "أحذف الرسالة", "أتحدث مع مرشد"]),
            ("tf", "يمكنني كتابة رمز بطاقتي البنكية في بريد إلكتروني.", False),
            ("sc", "ماذا أفعل إذا لم أعرف مرسل المرفق؟", ["أفتحه بسرعة", "لا أفتحه", "أرسله إلى أصدقائي"], 1),
            ("typed", "الرسالة العاجلة التي تطلب المال غالبًا ما تكون… (كلمة واحدة)", ["احتيال"]),
            ("tf", "على جهاز لوحي مشترك، ألمس « إنهاء » عندما أنتهي.", True),
        ],
    },
    "COM": {
        "fr": [
            ("sc", "Quelle adresse e-mail est juste ?", ["amina.diallo.exemple.fr", "amina.diallo@exemple.fr", "amina diallo@exemple"], 1),
            ("tf", "Un message non lu est souvent écrit en <b>gras</b>.", True),
            ("sc", "Pour répondre à un message, je touche…", ["« Répondre »", "« Supprimer »", "« Spam »"], 0),
            ("order", "Mets dans l'ordre les parties d'une adresse.", ["prenom.nom", "@", "exemple.fr"]),
            ("sc", "Le trombone 📎 sert à…", ["ajouter une pièce jointe", "supprimer le message", "changer la langue"], 0),
            ("tf", "L'objet d'un e-mail dit en quelques mots de quoi parle le message.", True),
            ("typed", "Écris l'adresse : amina@exemple.fr", ["amina@exemple.fr"]),
            ("tf", "Je vérifie la pièce jointe avant d'envoyer le message.", True),
            ("order", "Mets dans l'ordre pour envoyer une photo.", ["Toucher le trombone", "Choisir la photo", "Vérifier", "Envoyer"]),
        ],
        "ar": [
            ("sc", "أي عنوان بريد إلكتروني صحيح؟", ["amina.diallo.exemple.fr", "amina.diallo@exemple.fr", "amina diallo@exemple"], 1),
            ("tf", "الرسالة غير المقروءة تُكتب غالبًا <b>بخط عريض</b>.", True),
            ("sc", "للرد على رسالة، ألمس…", ["« رد »", "« حذف »", "« بريد مزعج »"], 0),
            ("order", "رتّب أجزاء العنوان.", ["prenom.nom", "@", "exemple.fr"]),
            ("sc", "مشبك الورق 📎 يُستعمل…", ["لإضافة مرفق", "لحذف الرسالة", "لتغيير اللغة"], 0),
            ("tf", "موضوع البريد الإلكتروني يقول بكلمات قليلة عمّا تتحدث الرسالة.", True),
            ("typed", "اكتب العنوان: amina@exemple.fr", ["amina@exemple.fr"]),
            ("tf", "أتحقق من المرفق قبل إرسال الرسالة.", True),
            ("order", "رتّب الخطوات لإرسال صورة.", ["لمس مشبك الورق", "اختيار الصورة", "التحقق", "الإرسال"]),
        ],
    },
    "DEM": {
        "fr": [
            ("tf", "Le numéro de sécurité sociale a <b>15</b> chiffres.", True),
            ("sc", "Où trouver mon numéro de sécurité sociale ?", ["Sur la carte Vitale", "Sur mon titre de transport", "Sur ma carte de bibliothèque"], 0),
            ("order", "Mets dans l'ordre pour avoir une attestation de droits.", ["Se connecter à Améli", "Mes démarches", "Obtenir une attestation de droits", "Télécharger le PDF"]),
            ("tf", "La déclaration trimestrielle de la CAF se fait tous les trois mois.", True),
            ("sc", "Sur la déclaration trimestrielle, je déclare…", ["mon salaire", "ma couleur préférée", "mon mot de passe"], 0),
            ("typed", "Combien de mois entre deux déclarations trimestrielles ? (en chiffres)", ["3"]),
            ("tf", "Si je déménage, je le signale à la CAF.", True),
            ("sc", "Le mot « indu » sur un courrier de la CAF veut dire…", ["de l'argent à rembourser", "un cadeau", "un rendez-vous"], 0),
            ("tf", "FranceConnect permet de se connecter avec un compte que j'ai déjà.", True),
        ],
    },
    "EMP": {
        "fr": [
            ("sc", "Quel contrat n'a pas de date de fin ?", ["CDI", "CDD", "Intérim"], 0),
            ("tf", "« 35 h » dans une offre veut dire 35 heures de travail par semaine.", True),
            ("order", "Mets dans l'ordre les parties d'un CV simple.", ["Nom et contact", "Expériences", "Langues parlées"]),
            ("tf", "Mes expériences avant la France comptent sur mon CV.", True),
            ("sc", "Pour envoyer mon CV, je l'enregistre en…", ["PDF", "photo floue", "message vocal"], 0),
            ("typed", "Quel format de fichier pour un CV ? (3 lettres)", ["PDF"]),
            ("tf", "Je teste ma caméra et mon micro la veille d'un entretien en visio.", True),
            ("sc", "Le salaire « brut » est…", ["avant les cotisations", "après les impôts", "payé en liquide"], 0),
            ("sc", "Dans l'objet d'une candidature par e-mail, j'écris…", ["le nom du poste", "« Bonjour »", "rien"], 0),
        ],
    },
    "COD": {
        "fr": [
            ("tf", "Un programme est une liste d'instructions pour l'ordinateur, comme une recette.", True),
            ("sc", "Quelle balise HTML fait un grand titre ?", ["<h1>", "<p>", "<img>"], 0),
            ("order", "Mets dans l'ordre les étapes d'une recette.", ["Prendre les ingrédients", "Mélanger", "Cuire", "Servir"]),
            ("typed", "Que montre la ligne print(\"Bonjour\") ?", ["Bonjour"]),
            ("tf", "La balise &lt;img&gt; affiche une image.", True),
            ("sc", "Une variable sert à…", ["garder une valeur", "éteindre l'ordinateur", "changer d'écran"], 0),
            ("tf", "L'ordinateur devine ce que je veux même si l'instruction est fausse.", False),
            ("sc", "Quel métier écrit des programmes ?", ["Développeur", "Boulanger", "Chauffeur"], 0),
            ("typed", "Quelle balise fait un paragraphe ? (une lettre)", ["p"]),
        ],
    },
}
