"""Qt's own visible strings, listed so that lupdate puts them in our ``.ts`` files.

PySide6 ships no ``qtbase_vi.qm``, so standard buttons (OK, Cancel, Yes, No, Close, Save),
the wizard buttons, text-field and scroll-bar context menus, the print preview and Qt's own
file dialog would stay in English. Qt looks these up with ``QCoreApplication.translate`` in
the contexts below; our ``desk_app_<lang>.qm`` answers them. The texts are copied exactly
from Qt 6 (a changed text simply falls back to English).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# QT_TRANSLATE_NOOP returns its text; its stub says object.
QT_OWN_STRINGS: tuple[tuple[str, object], ...] = (
    # QPlatformTheme
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&No")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Abort")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Close")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Help")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "OK")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Open")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Reset")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Retry")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save All")),
    ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All")),
    # QGnomeTheme
    ("QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel")),
    ("QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "&Close")),
    ("QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "&OK")),
    ("QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "&Save")),
    ("QGnomeTheme", QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving")),
    # QDialogButtonBox
    ("QDialogButtonBox", QT_TRANSLATE_NOOP("QDialogButtonBox", "OK")),
    # QMessageBox
    ("QMessageBox", QT_TRANSLATE_NOOP("QMessageBox", "Hide Details...")),
    ("QMessageBox", QT_TRANSLATE_NOOP("QMessageBox", "Show Details...")),
    # QWizard
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "&Finish")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "&Help")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "&Next")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "&Next >")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "< &Back")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "Cancel")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "Commit")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "Continue")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "Done")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "Go Back")),
    ("QWizard", QT_TRANSLATE_NOOP("QWizard", "Help")),
    # QInputDialog
    ("QInputDialog", QT_TRANSLATE_NOOP("QInputDialog", "Enter a value:")),
    # QProgressDialog
    ("QProgressDialog", QT_TRANSLATE_NOOP("QProgressDialog", "Cancel")),
    # QLineEdit
    ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Copy")),
    ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Paste")),
    ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Redo")),
    ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Undo")),
    ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Cu&t")),
    ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Delete")),
    ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Select All")),
    # QWidgetTextControl
    ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy")),
    ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste")),
    ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo")),
    ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo")),
    ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location")),
    ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t")),
    ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete")),
    ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All")),
    # QAbstractSpinBox
    ("QAbstractSpinBox", QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All")),
    ("QAbstractSpinBox", QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up")),
    ("QAbstractSpinBox", QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down")),
    # QScrollBar
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Bottom")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Left edge")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Page down")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Page left")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Page right")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Page up")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Right edge")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Scroll down")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Scroll here")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Scroll left")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Scroll right")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Scroll up")),
    ("QScrollBar", QT_TRANSLATE_NOOP("QScrollBar", "Top")),
    # QTabBar
    ("QTabBar", QT_TRANSLATE_NOOP("QTabBar", "Scroll Left")),
    ("QTabBar", QT_TRANSLATE_NOOP("QTabBar", "Scroll Right")),
    # QDockWidget
    ("QDockWidget", QT_TRANSLATE_NOOP("QDockWidget", "Close")),
    ("QDockWidget", QT_TRANSLATE_NOOP("QDockWidget", "Closes the dock widget")),
    ("QDockWidget", QT_TRANSLATE_NOOP("QDockWidget", "Float")),
    ("QDockWidget", QT_TRANSLATE_NOOP("QDockWidget", "Undocks and re-attaches the dock widget")),
    # QUnicodeControlCharacterMenu
    (
        "QUnicodeControlCharacterMenu",
        QT_TRANSLATE_NOOP("QUnicodeControlCharacterMenu", "Insert Unicode control character"),
    ),
    # QPrintPreviewDialog
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "%1%")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Export to PDF")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "First page")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Fit page")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Fit width")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Landscape")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Last page")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Next page")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Page Setup")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Page setup")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Portrait")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Previous page")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Print")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Print Preview")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Show facing pages")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Show overview of all pages")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Show single page")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Zoom in")),
    ("QPrintPreviewDialog", QT_TRANSLATE_NOOP("QPrintPreviewDialog", "Zoom out")),
    # QFileDialog
    (
        "QFileDialog",
        QT_TRANSLATE_NOOP(
            "QFileDialog",
            "%1\nDirectory not found.\nPlease verify the correct directory name was given.",
        ),
    ),
    (
        "QFileDialog",
        QT_TRANSLATE_NOOP(
            "QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."
        ),
    ),
    (
        "QFileDialog",
        QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    ),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Choose")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Delete")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&New Folder")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Open")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Rename")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Save")),
    (
        "QFileDialog",
        QT_TRANSLATE_NOOP(
            "QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"
        ),
    ),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "All files (*)")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Alt+Left")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Alt+Right")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Alt+Up")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Back")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory.")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Delete")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Detail View")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Directories")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Directory:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "File &name:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Find Directory")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Forward")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Go back")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Go forward")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "List View")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "New Folder")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Open")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Recent Places")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Remove")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Save As")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Show ")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Sidebar")),
    # QFileSystemModel
    ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Computer")),
    ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified")),
    ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Kind")),
    ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "My Computer")),
    ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Name")),
    ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Size")),
    ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Type")),
    # QAbstractFileIconProvider
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown")),
)
