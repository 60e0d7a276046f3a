"""Course 6 — Devenir référent (SEC, COM). For learners who will pass their skills on in their community:
finding out what someone needs, running a session, privacy and consent, scams to warn about, being a
référent across cultures. French source, with an Arabic translation. A manager makes a learner who
completed it a référent of their centre (community app)."""

from ._build import choice, image, multiple_choice, ordering, single_choice, tip, true_false, warning


def img(path):
    return f"{path}.webp"


# --- French (source) ----------------------------------------------------------------------------

LESSON_NEEDS = {
    "slug": "besoins",
    "title": "Savoir ce dont la personne a besoin",
    "summary": "Écouter d'abord, demander ce qu'elle veut faire, partir de ce qu'elle sait.",
    "estimated_minutes": 10,
    "steps": [
        image(img("code/ask-advice"), "<p>Un référent <b>écoute d'abord</b>.</p>"
              "<p>Demande : « Qu'est-ce que tu veux faire aujourd'hui ? »</p>"),
        tip("<p>Pose des questions simples, une à la fois.</p>"
            "<p>Montre, puis laisse la personne <b>faire elle-même</b>.</p>"),
        single_choice("<p>Samir veut déclarer ses ressources à la CAF. Que fais-tu d'abord ?</p>", [
            choice("Je lui demande s'il a déjà un compte CAF.", correct=True),
            choice("Je prends son téléphone et je fais la déclaration."),
            choice("Je lui dis de revenir plus tard."),
        ], "Oui : on part de ce qu'il sait déjà.", "Non : on demande d'abord où il en est.", "COM"),
        true_false("<p>Un bon référent fait les démarches <b>à la place</b> de la personne.</p>", False,
                   "Exact : tu montres, la personne fait.", "Non : la personne apprend en faisant elle-même.", "COM"),
        ordering("<p>Mets les étapes dans l'ordre.</p>", ["Écouter le besoin", "Montrer une fois",
                 "Laisser la personne faire", "Vérifier ensemble"],
                 "Bravo !", "Écoute, montre, laisse faire, vérifie.", "COM"),
    ],
}

LESSON_SESSION = {
    "slug": "animer-une-seance",
    "title": "Animer une séance",
    "summary": "Préparer, accueillir, pointer les présents, finir à l'heure.",
    "estimated_minutes": 10,
    "steps": [
        image(img("emails/who-asks"), "<p>Choisis <b>un sujet</b> par séance : les e-mails, Améli, la CAF…</p>"
              "<p>Dis dans quelles <b>langues</b> tu parles.</p>"),
        tip("<p>Dans Passerelle, tu planifies la séance, les personnes s'inscrivent, "
            "et le jour même tu <b>pointes</b> chaque présent d'un seul toucher.</p>"),
        multiple_choice("<p>Que notes-tu quand tu planifies une séance ?</p>", [
            choice("La date, l'heure et le lieu", correct=True),
            choice("Les langues parlées", correct=True),
            choice("S'il y a une garde d'enfants", correct=True),
            choice("Le numéro de titre de séjour des participants"),
        ], "Oui. On ne demande jamais les papiers des gens.", "Regarde encore : pas de papiers !", "COM"),
        true_false("<p>Une personne arrive sans être inscrite. Tu peux l'ajouter à la séance.</p>", True,
                   "Oui : tu l'ajoutes, avec juste son prénom.", "Si : on accueille aussi ceux qui viennent sans "
                   "s'inscrire.", "COM"),
        warning("<p>Une séance dure <b>au plus deux heures</b>. Finis à l'heure : certaines personnes ont des enfants "
                "à chercher.</p>"),
    ],
}

LESSON_PRIVACY = {
    "slug": "vie-privee",
    "title": "Vie privée et consentement",
    "summary": "Ne jamais garder les mots de passe ni les papiers de quelqu'un.",
    "estimated_minutes": 10,
    "steps": [
        image(img("ameli/login"), "<p>Le mot de passe est <b>secret</b>. La personne le tape elle-même.</p>"
              "<p>Tourne la tête pendant qu'elle le tape.</p>"),
        image(img("ameli/secu-number"), "<p>Le numéro de sécurité sociale, la carte Vitale, le titre de séjour : "
              "tu ne les <b>photographies pas</b> et tu ne les <b>gardes pas</b>.</p>"),
        true_false("<p>Tu peux noter le mot de passe de quelqu'un pour l'aider la prochaine fois.</p>", False,
                   "Exact : jamais.", "Non : jamais de mot de passe noté par le référent.", "SEC"),
        single_choice("<p>Tu veux prendre une photo de la séance. Que fais-tu ?</p>", [
            choice("Je demande à chacun s'il est d'accord, et je ne photographie pas ceux qui refusent.",
                   correct=True),
            choice("Je prends la photo, c'est pour le centre."),
            choice("Je photographie seulement les écrans avec les comptes ouverts."),
        ], "Oui : on demande toujours.", "Non : il faut l'accord de chaque personne.", "SEC"),
        tip("<p>À la fin, vérifie que chacun s'est <b>déconnecté</b> de ses comptes sur les tablettes du centre.</p>"),
    ],
}

LESSON_SCAMS = {
    "slug": "arnaques",
    "title": "Les arnaques à signaler",
    "summary": "Faux SMS, faux conseillers, paiements pour des démarches gratuites.",
    "estimated_minutes": 10,
    "steps": [
        image(img("emails/scam-sms"), "<p>Un faux SMS dit : « Votre carte Vitale expire, payez 2 € ».</p>"
              "<p>C'est une <b>arnaque</b>.</p>"),
        image(img("emails/scam-signs"), "<p>Les signes : l'<b>urgence</b>, un <b>lien bizarre</b>, "
              "une demande d'<b>argent</b> ou de <b>code</b>.</p>"),
        multiple_choice("<p>Lesquels sont des arnaques ?</p>", [
            choice("Quelqu'un demande de l'argent pour un rendez-vous en préfecture", correct=True),
            choice("Un SMS demande le code reçu par téléphone", correct=True),
            choice("La CAF envoie un message dans l'espace Mon Compte"),
        ], "Bravo ! Les démarches officielles sont gratuites.", "Regarde : argent et code = arnaque.", "SEC"),
        image(img("emails/scam-what-to-do"), "<p>Que faire ? Ne pas cliquer, ne pas payer, "
              "<b>en parler</b> au centre.</p>"),
        true_false("<p>Une démarche à la CAF ou à Améli est gratuite.</p>", True,
                   "Oui : personne ne doit te faire payer.", "Si : elles sont gratuites.", "DEM"),
    ],
}

LESSON_CULTURES = {
    "slug": "entre-cultures",
    "title": "Être référent entre les cultures",
    "summary": "Parler la langue des gens, respecter chacun, savoir passer la main.",
    "estimated_minutes": 8,
    "steps": [
        image(img("code/training-path"), "<p>Tu connais deux mondes : ta communauté et les démarches en France.</p>"
              "<p>Tu fais le <b>pont</b>.</p>"),
        tip("<p>Explique dans la langue de la personne, mais montre les <b>mots en français</b> de l'écran : "
            "elle les reverra.</p>"),
        single_choice("<p>Une question dépasse ce que tu sais (un problème de droits, un avocat). Que fais-tu ?</p>", [
            choice("J'oriente la personne vers l'équipe du centre.", correct=True),
            choice("Je donne mon avis quand même."),
            choice("Je ne dis rien."),
        ], "Oui : tu sais passer la main.", "Non : oriente vers l'équipe du centre.", "COM"),
        true_false("<p>Un référent traite chaque personne de la même façon, quelle que soit son origine ou sa "
                   "religion.</p>", True, "Oui, toujours.", "Si : le respect est le même pour tous.", "COM"),
    ],
}

COURSE = {
    "slug": "referent",
    "title": "Devenir référent",
    "summary": "Transmettre ce que tu sais dans ta langue : écouter, animer, protéger, prévenir les arnaques.",
    "level": "intermediate",
    "estimated_minutes": 48,
    "competences": ["COM", "SEC"],
    "cover": img("code/ask-advice"),
    "lessons": [LESSON_NEEDS, LESSON_SESSION, LESSON_PRIVACY, LESSON_SCAMS, LESSON_CULTURES],
}

# --- Arabic ---------------------------------------------------------------------------------------

AR_LESSONS = [
    {
        "slug": "besoins",
        "title": "معرفة ما يحتاجه الشخص",
        "summary": "الاستماع أولاً، وسؤاله عمّا يريد فعله، والانطلاق مما يعرفه.",
        "steps": [
            image(img("code/ask-advice"), "<p>المرشد <b>يستمع أولاً</b>.</p><p>اسأل: «ماذا تريد أن تفعل اليوم؟»</p>"),
            tip("<p>اطرح أسئلة بسيطة، سؤالاً واحداً في كل مرة.</p><p>أرِه، ثم اتركه <b>يفعل بنفسه</b>.</p>"),
            single_choice("<p>سمير يريد التصريح بموارده لدى CAF. ماذا تفعل أولاً؟</p>", [
                choice("أسأله إن كان لديه حساب في CAF.", correct=True),
                choice("آخذ هاتفه وأقوم بالتصريح عنه."),
                choice("أقول له أن يعود لاحقاً."),
            ], "نعم: ننطلق مما يعرفه.", "لا: نسأل أولاً أين وصل.", "COM"),
            true_false("<p>المرشد الجيد يقوم بالإجراءات <b>بدلاً</b> من الشخص.</p>", False,
                       "صحيح: أنت تُري، والشخص يفعل.", "لا: الشخص يتعلّم عندما يفعل بنفسه.", "COM"),
            ordering("<p>رتّب الخطوات.</p>", ["الاستماع إلى الحاجة", "الشرح مرة واحدة", "ترك الشخص يفعل",
                     "التحقق معاً"], "أحسنت!", "استمع، أرِه، اتركه يفعل، تحقّق.", "COM"),
        ],
    },
    {
        "slug": "animer-une-seance",
        "title": "إدارة جلسة",
        "summary": "التحضير، الاستقبال، تسجيل الحضور، الانتهاء في الوقت.",
        "steps": [
            image(img("emails/who-asks"), "<p>اختر <b>موضوعاً واحداً</b> لكل جلسة: البريد الإلكتروني، Améli، CAF…</p>"
                  "<p>قل بأي <b>لغات</b> تتكلم.</p>"),
            tip("<p>في Passerelle: تخطّط للجلسة، ويسجّل الناس أنفسهم، وفي يوم الجلسة <b>تسجّل حضور</b> "
                "كل شخص بلمسة واحدة.</p>"),
            multiple_choice("<p>ماذا تكتب عندما تخطّط لجلسة؟</p>", [
                choice("التاريخ والساعة والمكان", correct=True),
                choice("اللغات المستعملة", correct=True),
                choice("هل توجد رعاية للأطفال", correct=True),
                choice("رقم بطاقة إقامة المشاركين"),
            ], "نعم. لا نطلب أبداً أوراق الناس.", "انظر مرة أخرى: لا أوراق!", "COM"),
            true_false("<p>وصل شخص غير مسجّل. يمكنك إضافته إلى الجلسة.</p>", True,
                       "نعم: تضيفه باسمه فقط.", "بلى: نستقبل أيضاً من يأتي دون تسجيل.", "COM"),
            warning("<p>تدوم الجلسة <b>ساعتين على الأكثر</b>. انتهِ في الوقت: بعض الناس عليهم إحضار أطفالهم.</p>"),
        ],
    },
    {
        "slug": "vie-privee",
        "title": "الخصوصية والموافقة",
        "summary": "لا تحتفظ أبداً بكلمات سرّ أحد ولا بأوراقه.",
        "steps": [
            image(img("ameli/login"), "<p>كلمة السر <b>سرّية</b>. الشخص يكتبها بنفسه.</p>"
                  "<p>أدِر وجهك وهو يكتبها.</p>"),
            image(img("ameli/secu-number"), "<p>رقم الضمان الاجتماعي، بطاقة Vitale، بطاقة الإقامة: "
                  "<b>لا تصوّرها</b> و<b>لا تحتفظ بها</b>.</p>"),
            true_false("<p>يمكنك أن تكتب كلمة سرّ شخص ما لتساعده في المرة القادمة.</p>", False,
                       "صحيح: أبداً.", "لا: المرشد لا يكتب كلمات السرّ أبداً.", "SEC"),
            single_choice("<p>تريد أن تلتقط صورة للجلسة. ماذا تفعل؟</p>", [
                choice("أسأل كل شخص إن كان موافقاً، ولا أصوّر من يرفض.", correct=True),
                choice("ألتقط الصورة، إنها للمركز."),
                choice("أصوّر فقط الشاشات والحسابات مفتوحة."),
            ], "نعم: نسأل دائماً.", "لا: يجب موافقة كل شخص.", "SEC"),
            tip("<p>في النهاية، تأكّد أن كل شخص <b>خرج</b> من حساباته على أجهزة المركز.</p>"),
        ],
    },
    {
        "slug": "arnaques",
        "title": "عمليات الاحتيال التي يجب التنبيه إليها",
        "summary": "رسائل مزيّفة، مستشارون مزيّفون، دفع مقابل إجراءات مجانية.",
        "steps": [
            image(img("emails/scam-sms"), "<p>رسالة مزيّفة تقول: «بطاقة Vitale تنتهي، ادفع 2 يورو».</p>"
                  "<p>هذا <b>احتيال</b>.</p>"),
            image(img("emails/scam-signs"), "<p>العلامات: <b>الاستعجال</b>، <b>رابط غريب</b>، "
                  "طلب <b>مال</b> أو <b>رمز</b>.</p>"),
            multiple_choice("<p>أيّها احتيال؟</p>", [
                choice("شخص يطلب مالاً مقابل موعد في المحافظة", correct=True),
                choice("رسالة تطلب الرمز الذي وصلك على الهاتف", correct=True),
                choice("CAF ترسل رسالة في فضاء حسابي"),
            ], "أحسنت! الإجراءات الرسمية مجانية.", "انظر: المال والرمز = احتيال.", "SEC"),
            image(img("emails/scam-what-to-do"), "<p>ماذا تفعل؟ لا تضغط، لا تدفع، <b>تكلّم</b> مع المركز.</p>"),
            true_false("<p>الإجراءات لدى CAF أو Améli مجانية.</p>", True,
                       "نعم: لا أحد يحق له أن يجعلك تدفع.", "بلى: إنها مجانية.", "DEM"),
        ],
    },
    {
        "slug": "entre-cultures",
        "title": "أن تكون مرشداً بين الثقافات",
        "summary": "التكلم بلغة الناس، احترام الجميع، ومعرفة متى تحيل إلى غيرك.",
        "steps": [
            image(img("code/training-path"), "<p>أنت تعرف عالمين: مجتمعك والإجراءات في فرنسا.</p>"
                  "<p>أنت <b>الجسر</b>.</p>"),
            tip("<p>اشرح بلغة الشخص، لكن أرِه <b>الكلمات الفرنسية</b> على الشاشة: سيراها مرة أخرى.</p>"),
            single_choice("<p>سؤال يتجاوز ما تعرفه (مشكلة حقوق، محامٍ). ماذا تفعل؟</p>", [
                choice("أوجّه الشخص إلى فريق المركز.", correct=True),
                choice("أعطي رأيي على أي حال."),
                choice("لا أقول شيئاً."),
            ], "نعم: أنت تعرف متى تحيل.", "لا: وجّهه إلى فريق المركز.", "COM"),
            true_false("<p>المرشد يعامل كل شخص بالطريقة نفسها، مهما كان أصله أو دينه.</p>", True,
                       "نعم، دائماً.", "بلى: الاحترام واحد للجميع.", "COM"),
        ],
    },
]

TRANSLATIONS = {
    "ar": {
        "slug": "referent",
        "title": "أن تصبح مرشداً",
        "summary": "انقل ما تعرفه بلغتك: الاستماع، إدارة الجلسات، الحماية، والتنبيه إلى الاحتيال.",
        "lessons": AR_LESSONS,
    },
}
