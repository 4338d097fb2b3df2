"""`--help` shows every command, argparse's own words are translated like the rest, and the
README's command list names exactly the commands `--help` shows."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest

from intake_desktop.cli import build_parser
from intake_desktop.cli.argparse_words import NOT_SHOWN, WORDS
from intake_desktop.cli.common import argparse_translated
from intake_desktop.i18n import catalogue

README = Path(__file__).resolve().parents[1] / "README.md"
ENGLISH_ARGPARSE = ("usage:", "options:", "positional arguments:", "show this help message and exit",
                    "show program's version number and exit")


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def help_text(argv: list[str], language: str, cli) -> str:
    result = cli("--lang", language, *argv, "--help")
    assert result.code == 0
    return result.out


@pytest.fixture
def parser():
    catalogue.set_language("en")
    with argparse_translated():
        yield build_parser()
    catalogue.set_language(None)


def test_help_lists_every_command_with_its_description(parser, cli):
    text = help_text([], "en", cli)
    helps = {a.dest: a.help for a in next(a for a in parser._actions
                                           if isinstance(a, argparse._SubParsersAction))._choices_actions}
    assert set(helps) == set(subcommands(parser))
    for name, description in helps.items():
        assert description, f"{name} has no help text"
        assert re.search(rf"^\s+{re.escape(name)}\s", text, re.M), name


@pytest.mark.parametrize("argv", [[], ["backup"], ["backup", "create"], ["forms", "score"], ["letter"], ["stats"]])
def test_korean_help_has_no_english_argparse_words(argv, cli):
    text = help_text(argv, "ko", cli)
    assert text.startswith("사용법: intake-desktop")
    assert "옵션:" in text and "이 도움말을 보여 주고 끝냅니다" in text
    for english in ENGLISH_ARGPARSE:
        assert english not in text


def test_english_help_keeps_argparse_words(cli):
    text = help_text([], "en", cli)
    assert text.startswith("usage: intake-desktop") and "options:" in text and "show this help message and exit" in text


def test_a_korean_usage_error_is_translated_and_exits_2(cli):
    result = cli("--lang", "ko", "cases")
    assert result.code == 2
    assert "다음 인수가 필요합니다: --user" in result.err and "사용법:" in result.err


def test_argparse_is_left_as_it_was_after_parsing(cli):
    cli("--help")
    assert argparse._("usage: ") == "usage: "


def _argparse_messages() -> set[str]:
    """Every string argparse passes to gettext/ngettext, read from the running Python's argparse."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            found.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    found.add("show program's version number and exit")  # a default argument, passed explicitly by us
    return found


def test_every_argparse_message_is_filed_for_translation():
    """A newer Python may add or reword argparse messages: file them in cli/argparse_words.py."""
    assert _argparse_messages() - set(WORDS) - set(NOT_SHOWN) == set()


def test_every_argparse_word_has_a_korean_translation():
    korean = catalogue.Translations("ko")
    for word in WORDS:
        assert korean.translate("Argparse", word) != word, word


def readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Command line.*?```\n(.*?)```", text, re.S).group(1)
    return [line.split(None, 1)[1] if " " in line else "" for line in block.splitlines()
            if line.startswith("intake-desktop ")]


def test_readme_lists_exactly_the_commands_of_help(parser):
    listed = {words.split()[0] for words in readme_commands() if words and not words.startswith(("-", "["))}
    assert listed == set(subcommands(parser))


def test_readme_lists_every_sub_command(parser):
    lines = readme_commands()
    for name, sub in subcommands(parser).items():
        for child in subcommands(sub):
            assert any(re.match(rf"{re.escape(name)} (.*\| )?{re.escape(child)}\b", line) for line in lines), \
                f"README does not show `intake-desktop {name} {child}`"


@pytest.mark.parametrize("command", ["init", "demo"])
def test_first_commands_explain_every_option(parser, command):
    """The commands a new administrator types first: no option without its help line."""
    sub = subcommands(parser)[command]
    bare = [a.option_strings or a.dest for a in sub._actions if a.help is None and a.dest != "help"]
    assert bare == []


def test_init_offers_no_recovery_key_to_unlock_with(cli):
    """A vault being created has no recovery key yet; init shows its key, it does not read one."""
    text = help_text(["init"], "en", cli)
    assert "--passphrase-file" in text and "--recovery-key-file" not in text
