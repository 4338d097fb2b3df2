"""How guessable a new passphrase is: zxcvbn's estimate, with Korean words it does not know.

zxcvbn (a kept port of Dropbox's estimator) rates 0–4 from the guesses an attacker would need,
knowing English words, names, keyboard patterns, dates and common passwords. Korean users type
Korean words too: romanised ("saranghae") or as the keys of the Korean 2-set keyboard
("tkfkdgo" is 사랑해 typed with the IME off). `KOREAN_WORDS` is a small list of such words; each
is given to zxcvbn in Hangul, romanised and as typed on that keyboard.

The rule the services enforce and the meter shows: at least MIN_PASSPHRASE_LENGTH characters and
a score of at least MIN_SCORE (scores 0 and 1, "too guessable", are refused).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence


from intake_desktop.domain.korean import HANGUL_BASE, is_hangul_syllable
from intake_desktop.i18n import QT_TRANSLATE_NOOP

MIN_PASSPHRASE_LENGTH = 10
MIN_SCORE = 2
MAX_CHECKED = 100  # zxcvbn's work grows fast with length; 100 characters say enough

# Korean words common in passwords and in this work: (Hangul, romanised).
KOREAN_WORDS = (
    ("사랑", "sarang"), ("사랑해", "saranghae"), ("안녕", "annyeong"), ("안녕하세요", "annyeonghaseyo"),
    ("대한민국", "daehanminguk"), ("서울", "seoul"), ("비밀번호", "bimilbeonho"), ("비밀", "bimil"),
    ("하늘", "haneul"), ("행복", "haengbok"), ("우리", "uri"), ("엄마", "eomma"), ("아빠", "appa"),
    ("친구", "chingu"), ("강아지", "gangaji"), ("고양이", "goyangi"), ("센터", "senteo"), ("상담", "sangdam"),
    ("청년", "cheongnyeon"), ("기지개", "gijigae"), ("복지", "bokji"), ("관리자", "gwanlija"),
    ("사회복지", "sahoebokji"), ("동작구", "dongjakgu"), ("행운", "haengun"), ("희망", "huimang"),
    ("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi"), ("정", "jung"), ("민수", "minsu"),
    ("지훈", "jihun"), ("서연", "seoyeon"), ("민준", "minjun"), ("민지", "minji"), ("지민", "jimin"), ("보고싶어", "bogosipeo"),
    ("화이팅", "hwaiting"), ("파이팅", "paiting"), ("감사", "gamsa"), ("사과", "sagwa"), ("바다", "bada"),
)

# The 2-set (두벌식) keyboard: which Latin key types each jamo (shifted ones upper-case).
_INITIAL_KEYS = ("r", "R", "s", "e", "E", "f", "a", "q", "Q", "t", "T", "d", "w", "W", "c", "z", "x", "v", "g")
_MEDIAL_KEYS = ("k", "o", "i", "O", "j", "p", "u", "P", "h", "hk", "ho", "hl", "y", "n", "nj", "np", "nl", "b",
                "m", "ml", "l")
_FINAL_KEYS = ("", "r", "R", "rt", "s", "sw", "sg", "e", "f", "fr", "fa", "fq", "ft", "fx", "fv", "fg", "a", "q",
               "qt", "t", "T", "d", "w", "c", "z", "x", "v", "g")

MSG_TOO_SHORT = QT_TRANSLATE_NOOP("Passphrase", "At least {count} characters ({missing} more to go).")
MSG_TOO_GUESSABLE = QT_TRANSLATE_NOOP(
    "Passphrase", "Too easy to guess (a common word, name, date or keyboard pattern): add an unrelated word.")
MSG_RULE = QT_TRANSLATE_NOOP(
    "Passphrase", "At least {count} characters and not easy to guess; a few unrelated words are easy to remember.")


def on_korean_keyboard(hangul: str) -> str:
    """The keys that type `hangul` on the 2-set keyboard with the IME off (사랑해 -> tkfkdgo)."""
    out = []
    for ch in hangul:
        if not is_hangul_syllable(ch):
            out.append(ch)
            continue
        index = ord(ch) - HANGUL_BASE
        out.append(_INITIAL_KEYS[index // 588] + _MEDIAL_KEYS[(index % 588) // 28] + _FINAL_KEYS[index % 28])
    return "".join(out)


@lru_cache(maxsize=1)
def korean_dictionary() -> tuple[str, ...]:
    words = []
    for hangul, roman in KOREAN_WORDS:
        words += [hangul, roman, on_korean_keyboard(hangul)]
    return tuple(words)


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (refused) .. 4
    problems: tuple[str, ...]  # message ids (context "Passphrase") with {count}/{missing}
    missing: int = 0

    @property
    def acceptable(self) -> bool:
        return not self.problems


def estimate(passphrase: str, user_inputs: Sequence[str] = ()) -> Strength:
    """The score and, while the rule is not met, what is missing (in the order to fix it).
    `user_inputs`: words of this vault an attacker would try first (centre, user name)."""
    problems = []
    missing = max(0, MIN_PASSPHRASE_LENGTH - len(passphrase))
    if missing:
        problems.append(MSG_TOO_SHORT)
    if not passphrase:
        return Strength(0, tuple(problems), missing)
    inputs = [*korean_dictionary(), *(w for w in user_inputs if w)]
    from zxcvbn import zxcvbn  # here: ~0.1 s of word lists the sign-in window does not need

    score = zxcvbn(passphrase[:MAX_CHECKED], user_inputs=inputs)["score"]
    if score < MIN_SCORE:
        problems.append(MSG_TOO_GUESSABLE)
    return Strength(0 if problems else score, tuple(problems), missing)
