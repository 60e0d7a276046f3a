"""Small helpers that write lesson steps in the plain ``(kind, value)`` shape the loader reads.

Texts are rich text limited to <p> and <b>; images are paths under ``courses/demo/images``;
zones are keys of ``images/zones.json``; competences are codes.
"""


def image(path, text):
    return ("image", {"image": path, "text": text})


def hotspot(path, zones, instruction, right, wrong):
    return ("hotspot", {"image": path, "instruction": instruction, "zones": zones,
                        "feedback_correct": right, "feedback_wrong": wrong})


def tip(text, image_path=None):
    return ("tip", {"kind": "tip", "text": text, "image": image_path})


def warning(text, image_path=None):
    return ("tip", {"kind": "warning", "text": text, "image": image_path})


def _question(prompt, right, wrong, competence, image_path=None):
    return {"prompt": prompt, "image": image_path, "feedback_correct": right,
            "feedback_wrong": wrong, "competence": competence}


def choice(text=None, image_path=None, correct=False):
    return {"text": text or "", "image": image_path, "is_correct": correct}


def single_choice(prompt, choices, right, wrong, competence, image_path=None):
    return ("single_choice", {**_question(prompt, right, wrong, competence, image_path), "choices": choices})


def multiple_choice(prompt, choices, right, wrong, competence, image_path=None):
    return ("multiple_choice", {**_question(prompt, right, wrong, competence, image_path), "choices": choices})


def true_false(prompt, is_true, right, wrong, competence, image_path=None):
    return ("true_false", {**_question(prompt, right, wrong, competence, image_path), "is_true": is_true})


def ordering(prompt, items, right, wrong, competence, image_path=None):
    return ("ordering", {**_question(prompt, right, wrong, competence, image_path), "items": items})


def typed_answer(prompt, answers, right, wrong, competence, input_mode="text", image_path=None):
    return ("typed_answer", {**_question(prompt, right, wrong, competence, image_path),
                             "accepted_answers": answers, "ignore_case": True, "ignore_accents": True,
                             "input_mode": input_mode})


def hotspot_question(prompt, path, zones, right, wrong, competence):
    return ("hotspot_question", {**_question(prompt, right, wrong, competence, path), "zones": zones})


def h5p_activity(key, required=True, pass_threshold=100):
    """An H5P activity of the demo, made by ``h5p.demo`` (``key`` is one of its DEMO_ACTIVITIES)."""
    return ("h5p", {"package": key, "required": required, "pass_threshold": pass_threshold})
