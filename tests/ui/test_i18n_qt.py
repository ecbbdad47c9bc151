"""Languages of the window: the .qm files load, switch at run time, and the .ts stay complete."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from desk_app import i18n
from desk_app.i18n.qm import compile_file
from desk_app.ui import i18n_qt
from desk_app.ui.dialogs.setup.setup_forms import UnitForm
from desk_app.ui.qt_strings import QT_OWN_STRINGS

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


script = load_script()


@pytest.fixture
def app(qapp: QApplication, translations_built: Path) -> Iterator[QApplication]:
    locale = QLocale()
    yield qapp
    i18n_qt.remove_translators(qapp)
    QLocale.setDefault(locale)
    i18n.set_language("en")


def test_vietnamese_qm_loads_and_our_strings_come_out_in_vietnamese(app: QApplication) -> None:
    translators = i18n_qt.install_translators(app, "vi")
    assert any(tr.language() == "vi" for tr in translators)
    assert i18n.language() == "vi"
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "Thiết lập"
    assert QLocale().language() == QLocale.Language.Vietnamese


def test_switching_language_retranslates_open_widgets(app: QApplication, qtbot: QtBot) -> None:
    i18n_qt.install_translators(app, "vi")
    form = UnitForm()
    qtbot.addWidget(form)
    assert form.labels["unit.name"].text() == "&Tên đơn vị *"

    i18n_qt.switch_language(app, "en")
    qtbot.waitUntil(lambda: form.labels["unit.name"].text() == "Unit &name *")
    assert i18n.language() == "en"
    assert len(i18n_qt.installed_translators()) >= 1

    i18n_qt.switch_language(app, "vi")
    qtbot.waitUntil(lambda: form.labels["unit.name"].text() == "&Tên đơn vị *")


def test_qt_standard_buttons_are_translated(app: QApplication, qtbot: QtBot) -> None:
    buttons = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(
        buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No | buttons.Close | buttons.Save
    )
    qtbot.addWidget(box)
    wizard = QWizard()
    qtbot.addWidget(wizard)

    def texts() -> dict[str, str]:
        found = {
            name: box.button(getattr(buttons, name)).text().replace("&", "")
            for name in ("Ok", "Cancel", "Yes", "No", "Close", "Save")
        }
        found["Finish"] = wizard.buttonText(QWizard.WizardButton.FinishButton).replace("&", "")
        return found

    i18n_qt.switch_language(app, "vi")
    vietnamese = {
        "Ok": "Đồng ý", "Cancel": "Hủy", "Yes": "Có", "No": "Không", "Close": "Đóng",
        "Save": "Lưu", "Finish": "Hoàn tất",
    }  # fmt: skip
    qtbot.waitUntil(lambda: texts() == vietnamese)

    i18n_qt.switch_language(app, "en")
    english = {
        "Ok": "OK", "Cancel": "Cancel", "Yes": "Yes", "No": "No", "Close": "Close",
        "Save": "Save", "Finish": "Finish",
    }  # fmt: skip
    qtbot.waitUntil(lambda: texts() == english)


def test_every_listed_qt_string_has_a_vietnamese_text(app: QApplication) -> None:
    i18n_qt.install_translators(app, "vi")
    # Texts that stay as they are in Vietnamese: key names and protocol names.
    same = {"%1%", "Alt+Left", "Alt+Right", "Alt+Up"}
    untranslated = [
        (context, text)
        for context, text in QT_OWN_STRINGS
        if text not in same and QCoreApplication.translate(context, str(text)) == text
    ]
    assert untranslated == []


def test_ensure_qm_builds_missing_files(tmp_path: Path) -> None:
    shutil.copy(script.ts_path("vi"), tmp_path / "desk_app_vi.ts")
    built = i18n_qt.ensure_qm(folder=tmp_path)
    assert built == [tmp_path / "desk_app_vi.qm"]
    assert (tmp_path / "desk_app_vi.qm").stat().st_size > 1000
    assert i18n_qt.ensure_qm(folder=tmp_path) == []  # up to date: nothing to do


def _fresh_sources(tmp_path: Path) -> set[tuple[str, str, str]]:
    target = tmp_path / "fresh_vi.ts"
    script.run_lupdate([target])
    return {m.key for m in script.read_ts(target)}


@pytest.fixture(scope="module")
def fresh_keys(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str]]:
    """Every source string lupdate finds in the package now."""
    started = time.perf_counter()
    keys = _fresh_sources(tmp_path_factory.mktemp("lupdate"))
    # Kept here, not asserted: a slow lupdate should be marked slow, not fail.
    print(f"lupdate over the package: {time.perf_counter() - started:.1f} s")
    return keys


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_committed_ts_translates_every_source_string(
    lang: str, fresh_keys: set[tuple[str, str, str]]
) -> None:
    """Fails when a new tr() string has no translation: run scripts/update_translations.py
    and translate what it lists."""
    messages = {m.key: m for m in script.read_ts(script.ts_path(lang))}
    missing = sorted(fresh_keys - set(messages))
    assert missing == [], f"not in desk_app_{lang}.ts (run scripts/update_translations.py)"
    unfinished = sorted(k for k in fresh_keys if not messages[k].finished)
    assert unfinished == [], f"untranslated in desk_app_{lang}.ts"


def test_every_literal_given_to_tr_is_one_lupdate_reads(
    fresh_keys: set[tuple[str, str, str]],
) -> None:
    """A helper that wraps QCoreApplication.translate hides its texts from lupdate: they
    never reach the .ts and show in English on a Vietnamese desk."""
    read = {key[1] for key in fresh_keys}
    hidden = []
    for file in script.source_files():
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("tr", "_tr", "translate"):
                continue
            for arg in node.args[1:2] if name == "translate" else node.args[:1]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    if arg.value not in read:
                        hidden.append(f"{file.relative_to(ROOT)}:{node.lineno} {arg.value!r}")
    assert hidden == []


def test_lupdate_reads_every_context_as_a_class_name(fresh_keys: set[tuple[str, str, str]]) -> None:
    # PySide6's lupdate puts self.tr(text, disambiguation) in a context no class has.
    assert sorted(k for k in fresh_keys if script.SUSPECT_CONTEXT.search(k[0])) == []


_PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{[^{}]*\}")  # Qt's %1 and Python's {name}


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def test_vietnamese_keeps_placeholders_and_accelerators() -> None:
    problems = []
    for message in script.read_ts(script.ts_path("vi")):
        for translation in message.translations:
            if sorted(_PLACEHOLDER.findall(message.source)) != sorted(
                _PLACEHOLDER.findall(translation)
            ):
                problems.append(("placeholders", message.context, message.source))
            if _accelerators(message.source) and _accelerators(translation) != 1:
                problems.append(("accelerator", message.context, message.source))
    assert problems == []


def test_first_run_language_choice_switches_at_once(
    app: QApplication, qtbot: QtBot, sqlite_url: str
) -> None:
    from desk_app.context import AppContext
    from desk_app.ui.dialogs.setup.setup_dialogs import FirstRunWizard

    i18n_qt.install_translators(app, "vi")
    ctx = AppContext.open(sqlite_url)
    try:
        wizard = FirstRunWizard(ctx)
        qtbot.addWidget(wizard)
        assert wizard.unit_page.title() == "Thông tin đơn vị"
        wizard.language.setCurrentIndex(wizard.language.findData("en"))
        qtbot.waitUntil(lambda: wizard.unit_page.title() == "Your unit")
        assert wizard.unit.labels["unit.name"].text() == "Unit &name *"
        assert wizard.buttonText(QWizard.WizardButton.NextButton).replace("&", "") == "Next >"
        assert i18n.language() == "en"
    finally:
        ctx.close()


def test_english_plurals_have_a_singular(app: QApplication) -> None:
    """lupdate cannot guess English plurals: each one needs its singular written by hand."""
    plurals = [m for m in script.read_ts(script.ts_path("en")) if m.numerus]
    assert all(len(set(m.translations)) == 2 for m in plurals), plurals
    i18n_qt.install_translators(app, "en")
    for message in plurals:
        one = QCoreApplication.translate(message.context, message.source, None, 1)
        many = QCoreApplication.translate(message.context, message.source, None, 3)
        assert one == message.translations[0].replace("%n", "1")
        assert many == message.translations[1].replace("%n", "3")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_own_compiler_writes_what_lrelease_writes(tmp_path: Path, lang: str) -> None:
    """Where Qt's tools are missing (a bare build environment), the package compiles the
    translations itself: the same bytes as lrelease, and Qt's translator reads them."""
    command = i18n_qt._lrelease()
    assert command is not None, "lrelease is installed with PySide6"
    ts = script.ts_path(lang)
    theirs = tmp_path / "theirs.qm"
    subprocess.run([*command, "-silent", str(ts), "-qm", str(theirs)], check=True)
    ours = compile_file(ts, tmp_path / f"desk_app_{lang}.qm")
    assert ours.read_bytes() == theirs.read_bytes()
    translator = QTranslator()
    assert translator.load(f"desk_app_{lang}", str(tmp_path))
    messages = script.read_ts(ts)
    assert len(messages) > 400
    about = {"vi": "Giới thiệu desk_app", "en": "About desk_app"}[lang]
    assert translator.translate("AboutDialog", "About desk_app") == about
    # The plural form is chosen by the count (``%n`` itself is filled in by the caller).
    waiting = "%n message(s) waiting in the outbox."
    one = {"vi": "%n thư đang chờ gửi", "en": "%n message waiting"}[lang]
    many = {"vi": "%n thư đang chờ gửi", "en": "%n messages waiting"}[lang]
    assert translator.translate("ReportDialog", waiting, None, 1).startswith(one)
    assert translator.translate("ReportDialog", waiting, None, 3).startswith(many)


def test_ensure_qm_compiles_without_qt_tools(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n_qt, "_lrelease", lambda: None)
    shutil.copy(script.ts_path("vi"), tmp_path / "desk_app_vi.ts")
    assert i18n_qt.ensure_qm(folder=tmp_path) == [tmp_path / "desk_app_vi.qm"]
    translator = QTranslator()
    assert translator.load("desk_app_vi", str(tmp_path))
    assert translator.translate("AboutDialog", "About desk_app") == "Giới thiệu desk_app"
