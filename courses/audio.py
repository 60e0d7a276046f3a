"""Sound files for the steps' voices, made with two Debian programs run as subprocesses:

- espeak-ng speaks a text (a small formant synthesiser: no model to download, about 100 languages,
  among them French, English, Arabic, Dari/Persian, Ukrainian and Russian; robotic, hence marked);
- ffmpeg turns what it says, or what a trainer's browser recorded (webm, ogg, mp4, wav…), into
  an MP3, the one format every tablet plays.

No shell is involved: texts are passed as arguments after ``--`` and files by path."""

import json
import shutil
import subprocess  # noqa: S404 — fixed programs, arguments as a list
import tempfile
import wave
from io import BytesIO
from pathlib import Path

# espeak-ng's voice for each language it speaks (Pashto, Tigrinya and Somali: none yet).
SYNTHETIC_VOICES = {"fr": "fr-fr", "en": "en-gb", "ar": "ar", "fa": "fa", "uk": "uk", "ru": "ru"}
SPEECH_RATE = 145  # words a minute; espeak-ng's 175 is fast for someone learning the language
SYNTHETIC_BITRATE = "32k"
RECORDING_BITRATE = "48k"
TIMEOUT_SECONDS = 120


class AudioError(Exception):
    """The file is not sound that ffmpeg can read."""


def synthesis_available():
    return bool(shutil.which("espeak-ng") and shutil.which("ffmpeg"))


def speaks(language):
    return language in SYNTHETIC_VOICES


def _run(command, data=None):
    result = subprocess.run(command, input=data, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)  # noqa: S603
    if result.returncode != 0:
        raise AudioError(result.stderr.decode(errors="replace")[-400:])
    return result.stdout


def _wav_duration_ms(wav):
    with wave.open(BytesIO(wav)) as sound:
        return round(1000 * sound.getnframes() / sound.getframerate())


def _mp3(source, bitrate, data=None):
    return _run(["ffmpeg", "-nostdin", "-loglevel", "error", "-i", source, "-vn", "-ac", "1", "-ar", "22050",
                 "-b:a", bitrate, "-f", "mp3", "pipe:1"], data)


def synthesize(text, language):
    """(MP3 bytes, duration in ms) of espeak-ng saying ``text`` in ``language``."""
    return synthesize_many([text], language)[0]


def synthesize_many(texts, language):
    """[(MP3 bytes, duration in ms)] of espeak-ng saying each text, in one pass: espeak-ng writes a
    WAV per text (fast), then one ffmpeg process converts them all (its start-up is what costs:
    one process instead of one per text makes a lesson's voices about five times faster)."""
    voice = SYNTHETIC_VOICES[language]
    with tempfile.TemporaryDirectory(prefix="passerelle-voices-") as folder:
        folder = Path(folder)
        inputs, outputs, durations = [], [], []
        for number, text in enumerate(texts):
            wav = folder / f"{number}.wav"
            _run(["espeak-ng", "-v", voice, "-s", str(SPEECH_RATE), "-w", str(wav), "--", text])
            durations.append(_wav_duration_ms(wav.read_bytes()))
            inputs += ["-i", str(wav)]
            outputs += ["-map", f"{number}:a", "-ac", "1", "-ar", "22050", "-b:a", SYNTHETIC_BITRATE,
                        str(folder / f"{number}.mp3")]
        _run(["ffmpeg", "-nostdin", "-loglevel", "error", *inputs, *outputs])
        return [((folder / f"{number}.mp3").read_bytes(), durations[number]) for number in range(len(texts))]


def probe_duration(path):
    """Seconds of sound in the file at ``path``; AudioError if it holds no sound ffmpeg reads."""
    output = _run(["ffprobe", "-v", "error", "-select_streams", "a",
                   "-show_entries", "stream=codec_type:format=duration", "-of", "json", str(path)])
    found = json.loads(output or b"{}")
    if not found.get("streams"):
        raise AudioError("no audio stream")
    try:
        return float(found.get("format", {}).get("duration"))
    except (TypeError, ValueError):
        return None  # a browser's webm recording often says no duration: measured on conversion


def recording_to_mp3(path):
    """(MP3 bytes, duration in ms) of a recording in any format ffmpeg reads."""
    mp3 = _mp3(str(path), RECORDING_BITRATE)
    with tempfile.NamedTemporaryFile(suffix=".mp3") as converted:
        converted.write(mp3)
        converted.flush()
        seconds = probe_duration(converted.name) or 0.0
    return mp3, round(1000 * seconds)
