"""The command line's help (``desk-app [COMMAND] --help``): argparse's own headings and every
command's and option's line."""

MESSAGES: dict[str, dict[str, str]] = {
    # argparse's own words
    "help.usage": {"vi": "cách dùng: ", "en": "usage: "},
    "help.positionals": {"vi": "tham số", "en": "positional arguments"},
    "help.options": {"vi": "tùy chọn", "en": "options"},
    "help.help": {"vi": "hiện trợ giúp này rồi thoát", "en": "show this help message and exit"},
    "help.version": {
        "vi": "hiện số phiên bản của chương trình rồi thoát",
        "en": "show program's version number and exit",
    },
    "help.error": {"vi": "{prog}: lỗi: {message}", "en": "{prog}: error: {message}"},
    "help.err.argument": {
        "vi": "tham số {argument}: {message}",
        "en": "argument {argument}: {message}",
    },
    "help.err.required": {
        "vi": "thiếu các tham số bắt buộc: {names}",
        "en": "the following arguments are required: {names}",
    },
    "help.err.unrecognized": {
        "vi": "tham số không nhận ra: {names}",
        "en": "unrecognized arguments: {names}",
    },
    "help.err.one_of": {
        "vi": "cần một trong các tham số {names}",
        "en": "one of the arguments {names} is required",
    },
    "help.err.ambiguous": {
        "vi": "tùy chọn chưa rõ: {option} có thể là {matches}",
        "en": "ambiguous option: {option} could match {matches}",
    },
    "help.err.choice": {
        "vi": "lựa chọn không hợp lệ: {value} (chọn trong {choices})",
        "en": "invalid choice: {value} (choose from {choices})",
    },
    "help.err.one": {"vi": "cần một giá trị", "en": "expected one argument"},
    "help.err.at_most_one": {
        "vi": "cần nhiều nhất một giá trị",
        "en": "expected at most one argument",
    },
    "help.err.at_least_one": {
        "vi": "cần ít nhất một giá trị",
        "en": "expected at least one argument",
    },
    "help.err.count": {"vi": "cần {count} giá trị", "en": "expected {count} arguments"},
    "help.err.type": {
        "vi": "giá trị {type} không hợp lệ: {value}",
        "en": "invalid {type} value: {value}",
    },
    "help.err.not_with": {
        "vi": "không dùng cùng tham số {other}",
        "en": "not allowed with argument {other}",
    },
    "help.err.explicit": {
        "vi": "bỏ qua giá trị đi kèm {value}",
        "en": "ignored explicit argument {value}",
    },
    # Shared lines
    "help.json": {"vi": "in kết quả dạng JSON", "en": "print the result as JSON"},
    "help.json_per_code": {"vi": "mỗi mã một đối tượng JSON", "en": "one JSON object per code"},
    "help.full_ids": {
        "vi": "hiện đầy đủ số định danh (được ghi nhật ký kiểm tra)",
        "en": "show full ID numbers (audited)",
    },
    "help.from": {
        "vi": "từ ngày này (DD/MM/YYYY hoặc YYYY-MM-DD)",
        "en": "from this day (DD/MM/YYYY or YYYY-MM-DD)",
    },
    "help.to": {
        "vi": "đến ngày này (DD/MM/YYYY hoặc YYYY-MM-DD)",
        "en": "to this day (DD/MM/YYYY or YYYY-MM-DD)",
    },
    "help.clears": {"vi": '"" để xóa', "en": '"" clears it'},
    "help.passphrase_stdin": {
        "vi": "đọc cụm mật khẩu thành một dòng từ đầu vào chuẩn",
        "en": "read the passphrase as one line from standard input",
    },
    "help.out_print": {
        "vi": "tệp cần ghi (PDF hoặc PNG, theo phần mở rộng)",
        "en": "file to write (PDF or PNG, by its extension)",
    },
    # desk-app
    "help.description": {
        "vi": "Kiểm soát ra vào tại bàn tiếp đón. Không có lệnh: mở cửa sổ của bàn.",
        "en": "Entry control at the desk. Without a command: opens the desk's window.",
    },
    "help.commands": {"vi": "lệnh", "en": "commands"},
    "help.db": {
        "vi": "URL cơ sở dữ liệu SQLAlchemy hoặc đường dẫn tệp SQLite "
        "(biến môi trường DESK_APP_DB)",
        "en": "SQLAlchemy database URL or a SQLite file's path (env DESK_APP_DB)",
    },
    "help.lang": {
        "vi": "ngôn ngữ của thông báo (mặc định: vi, hoặc biến môi trường DESK_APP_LANG)",
        "en": "language of messages (default: vi, or env DESK_APP_LANG)",
    },
    "help.camera": {
        "vi": "số thứ tự camera, tệp video, thư mục ảnh hoặc URL",
        "en": "camera index, video file, folder or URL",
    },
    "help.demo": {"vi": "dùng nguồn hình mẫu đi kèm", "en": "use the bundled demo feed"},
    "help.scanner_port": {
        "vi": "cổng nối tiếp của máy quét cầm tay ở chế độ USB-COM (COM3, /dev/ttyACM0)",
        "en": "serial port of a handheld scanner in USB-COM mode (COM3, /dev/ttyACM0)",
    },
    "help.exit_at_end": {
        "vi": "đóng cửa sổ khi nguồn hình từ tệp đã hết",
        "en": "close the window when a file source ends",
    },
    "help.verbose": {
        "vi": "ghi chi tiết ra luồng lỗi chuẩn (stderr)",
        "en": "log details to stderr",
    },
    # parse, record, log, config
    "help.parse": {"vi": "phân tích một nội dung mã QR đã giải", "en": "parse a decoded QR text"},
    "help.parse.text": {"vi": "nội dung mã QR", "en": "the QR code's text"},
    "help.record": {
        "vi": "ghi một mã vào nhật ký như khi quét",
        "en": "record a code as if scanned",
    },
    "help.record.direction": {
        "vi": "vào, ra hoặc tự quyết định (mặc định: auto)",
        "en": "in, out or decided by the rules (default: auto)",
    },
    "help.record.method": {
        "vi": "cách đọc mã được ghi lại (mặc định: camera)",
        "en": "how the code was read, as recorded (default: camera)",
    },
    "help.record.at": {
        "vi": "thời điểm quét (mặc định: bây giờ)",
        "en": "time of the scan (default: now)",
    },
    "help.record.desk": {
        "vi": "tên bàn ghi vào nhật ký (mặc định: bàn này)",
        "en": "desk name written in the log (default: this desk)",
    },
    "help.log": {"vi": "liệt kê các lượt ra vào", "en": "list visits"},
    "help.log.inside": {
        "vi": "chỉ những người đang ở trong",
        "en": "only people inside now",
    },
    "help.log.csv": {"vi": "in dạng CSV", "en": "print as CSV"},
    "help.log.out": {"vi": "ghi tệp CSV vào tệp này", "en": "write the CSV to this file"},
    "help.log.separator": {
        "vi": "dấu ngăn cột của CSV (mặc định ','; ';' cho Excel cài đặt vùng Việt Nam)",
        "en": "the CSV's column separator (default ','; ';' for Excel under Vietnamese "
        "regional settings)",
    },
    "help.config": {
        "vi": "liệt kê, xem hoặc đặt thiết lập",
        "en": "list, get or set settings",
    },
    "help.config.list": {
        "vi": "mọi thiết lập: nơi lưu, giá trị và ý nghĩa",
        "en": "every setting: where it is kept, its value and meaning",
    },
    "help.config.get": {"vi": "giá trị của một thiết lập", "en": "one setting's value"},
    "help.config.set": {"vi": "đặt một thiết lập", "en": "set one setting"},
    "help.config.key": {
        "vi": "tên thiết lập, ví dụ unit.name (xem config list)",
        "en": "the setting's name, e.g. unit.name (see config list)",
    },
    "help.config.value": {"vi": "giá trị mới", "en": "the new value"},
    # journal, migrate-to
    "help.journal": {
        "vi": "các lượt quét lưu tạm trên bàn này khi mất kết nối máy chủ",
        "en": "scans kept on this desk while the server was away",
    },
    "help.journal.list": {"vi": "hiện các lượt quét đang lưu tạm", "en": "show the kept scans"},
    "help.journal.flush": {
        "vi": "gửi ngay các lượt quét đang lưu tạm",
        "en": "send the kept scans now",
    },
    "help.migrate_to": {
        "vi": "sao chép nhật ký này (mọi bảng) sang một cơ sở dữ liệu trống tại URL",
        "en": "copy this log (every table) into an empty database at URL",
    },
    "help.migrate_to.url": {
        "vi": "cơ sở dữ liệu mới, ví dụ postgresql+psycopg://desk@server/desks",
        "en": "the new database, e.g. postgresql+psycopg://desk@server/desks",
    },
    # poster, cards, pass, staff
    "help.poster": {
        "vi": "in áp phích mã QR của một điểm kiểm soát ra PDF hoặc PNG",
        "en": "print a checkpoint's QR poster to PDF or PNG",
    },
    "help.poster.size": {"vi": "khổ giấy (mặc định: A4)", "en": "paper size (default: A4)"},
    "help.poster.checkpoint": {
        "vi": "mặc định: điểm kiểm soát của bàn này",
        "en": "default: this desk's checkpoint",
    },
    "help.poster.payload": {
        "vi": "mã địa điểm do nơi khác cấp, in đúng như đã cho",
        "en": "a location code issued elsewhere, printed exactly as given",
    },
    "help.cards": {
        "vi": "in thẻ nhân viên (mười thẻ mỗi tờ A4); mã thoát 2 nếu danh sách có dòng lỗi",
        "en": "print staff cards (ten per A4 sheet); exit 2 if list rows were bad",
    },
    "help.cards.staff": {
        "vi": "nhập danh sách này trước rồi chỉ in thẻ của danh sách",
        "en": "import this list first and print its cards only",
    },
    "help.pass": {
        "vi": "in phiếu khách cho một lượt đang ở trong",
        "en": "print a visitor pass for an open visit",
    },
    "help.pass.visit_id": {
        "vi": "số lượt ra vào (cột đầu của lệnh log)",
        "en": "the visit's number (first column of log)",
    },
    "help.pass.format": {
        "vi": "khổ phiếu: a6 hoặc giấy in nhiệt 80mm (mặc định: a6)",
        "en": "pass size: a6 or 80mm receipt paper (default: a6)",
    },
    "help.staff": {
        "vi": "danh sách nhân viên dùng để in thẻ",
        "en": "the staff list behind the staff cards",
    },
    "help.staff.list": {"vi": "liệt kê nhân viên", "en": "list the staff"},
    "help.staff.all": {"vi": "kể cả thẻ đã thu hồi", "en": "include revoked cards"},
    "help.staff.import": {
        "vi": "nhập danh sách CSV hoặc XLSX (mã thoát 2 nếu có dòng lỗi)",
        "en": "import a CSV or XLSX list (exit 2 if rows were bad)",
    },
    "help.staff.file": {"vi": "tệp CSV hoặc XLSX", "en": "a CSV or XLSX file"},
    "help.staff.revoke": {
        "vi": "thu hồi thẻ nhân viên: quét thẻ đó sẽ bị từ chối",
        "en": "revoke a staff card: scanning it is then refused",
    },
    "help.staff.staff_id": {"vi": "mã nhân viên trên thẻ", "en": "the staff number on the card"},
    "help.staff.reason": {"vi": "lý do thu hồi", "en": "why the card is revoked"},
    # purge, person, audit, backup, restore
    "help.purge": {
        "vi": "xóa mọi dữ liệu cũ hơn thời hạn lưu giữ",
        "en": "delete everything older than the retention period",
    },
    "help.purge.older_than": {
        "vi": "số ngày (mặc định: thiết lập retention.days)",
        "en": "days (default: the setting retention.days)",
    },
    "help.person": {
        "vi": "hồ sơ của một người: tìm, xem, xuất, ...",
        "en": "one person's records: find, show, export, ...",
    },
    "help.person.find": {
        "vi": "theo số định danh hoặc tên (không phân biệt dấu và chữ hoa)",
        "en": "by ID number or name (diacritics and case ignored)",
    },
    "help.person.query": {"vi": "số định danh hoặc tên", "en": "ID number or name"},
    "help.person.who": {
        "vi": "số định danh đầy đủ, hoặc #N như lệnh find hiển thị",
        "en": "exact ID number, or #N as shown by find",
    },
    "help.person.show": {
        "vi": "mọi dữ liệu đang lưu về một người (được ghi nhật ký kiểm tra)",
        "en": "everything held about one person (audited)",
    },
    "help.person.export": {
        "vi": "ghi XLSX và JSON của mọi dữ liệu đang lưu (được ghi nhật ký kiểm tra)",
        "en": "write XLSX and JSON of everything held (audited)",
    },
    "help.person.out": {
        "vi": "tên tệp không có phần mở rộng, hoặc một thư mục",
        "en": "file name without extension, or a folder",
    },
    "help.person.correct": {
        "vi": "sửa họ tên, ngày sinh, giới tính, điện thoại, cơ quan",
        "en": "correct name, birth date, sex, phone, organisation",
    },
    "help.person.name": {"vi": "họ tên đúng", "en": "the right name"},
    "help.person.sex": {"vi": 'Nam hoặc Nữ; "" để xóa', "en": 'Nam or Nữ; "" clears it'},
    "help.person.delete": {
        "vi": "xóa một người và mọi dữ liệu về người đó",
        "en": "delete one person and everything held about them",
    },
    "help.person.yes": {"vi": "không hỏi xác nhận", "en": "do not ask for confirmation"},
    "help.audit": {
        "vi": "nhật ký kiểm tra: kiểm chứng hoặc liệt kê",
        "en": "the audit trail: verify or list",
    },
    "help.audit.verify": {
        "vi": "mã thoát 0 khi nguyên vẹn, 1 kèm bản ghi hỏng đầu tiên",
        "en": "exit 0 when intact, 1 naming the first bad record",
    },
    "help.audit.list": {"vi": "liệt kê các bản ghi kiểm tra", "en": "list audit records"},
    "help.audit.fold": {
        "vi": "gộp các bản ghi cũ hơn thiết lập thành một bản tóm tắt",
        "en": "fold records older than the setting into one summary",
    },
    "help.backup": {
        "vi": "ghi bản sao lưu mã hóa của toàn bộ nhật ký",
        "en": "write an encrypted backup of the whole log",
    },
    "help.backup.file": {"vi": "tệp sao lưu cần ghi", "en": "backup file to write"},
    "help.backup.remember": {
        "vi": "giữ cụm mật khẩu cho việc sao lưu hằng ngày",
        "en": "keep the passphrase for daily backups",
    },
    "help.restore": {
        "vi": "khôi phục bản sao lưu vào một cơ sở dữ liệu trống",
        "en": "restore a backup into an empty database",
    },
    "help.restore.file": {"vi": "tệp sao lưu cần đọc", "en": "backup file to read"},
    # report, outbox, mail-password
    "help.report": {
        "vi": "sổ báo cáo tuần (.xlsx), có thể gửi qua e-mail",
        "en": "weekly report workbook (.xlsx), optionally e-mailed",
    },
    "help.report.week": {
        "vi": "tuần ISO như 2021-W41, 'current' hoặc 'last' (mặc định: last)",
        "en": "ISO week such as 2021-W41, 'current' or 'last' (default: last)",
    },
    "help.report.from": {"vi": "ngày đầu (cùng --to)", "en": "first day (with --to)"},
    "help.report.to": {"vi": "ngày cuối (cùng --from)", "en": "last day (with --from)"},
    "help.report.out": {"vi": "sổ báo cáo cần ghi", "en": "workbook to write"},
    "help.report.send": {
        "vi": "gửi e-mail tới mail.recipients",
        "en": "e-mail it to mail.recipients",
    },
    "help.report.eml": {
        "vi": "lưu thêm e-mail thành một tệp",
        "en": "also save the e-mail as a file",
    },
    "help.report.pdf": {
        "vi": "ghi thêm trang cần ký thành tệp PDF",
        "en": "also write the page to sign as a PDF",
    },
    "help.report.no_pdf": {
        "vi": "chỉ gửi sổ báo cáo, không kèm trang cần ký (không cần Qt)",
        "en": "e-mail the workbook alone, without the page to sign (no Qt needed)",
    },
    "help.outbox": {
        "vi": "các e-mail báo cáo đang chờ gửi",
        "en": "report e-mails waiting to be sent",
    },
    "help.outbox.list": {"vi": "liệt kê e-mail đang chờ", "en": "list the waiting messages"},
    "help.outbox.retry": {
        "vi": "gửi ngay các e-mail đang chờ",
        "en": "send the waiting messages now",
    },
    "help.outbox.id": {"vi": "chỉ e-mail này", "en": "only this message"},
    "help.outbox.save": {
        "vi": "lưu một e-mail thành tệp .eml",
        "en": "save a message as an .eml file",
    },
    "help.outbox.save_id": {
        "vi": "số của e-mail (như outbox list hiển thị)",
        "en": "the message's number (as outbox list shows it)",
    },
    "help.outbox.path": {"vi": "tệp .eml cần ghi", "en": ".eml file to write"},
    "help.mail_password": {
        "vi": "lưu mật khẩu e-mail trong kho mật khẩu của hệ điều hành",
        "en": "keep the mail password in the keyring",
    },
    "help.mail_password.stdin": {
        "vi": "đọc mật khẩu từ đầu vào chuẩn",
        "en": "read the password from standard input",
    },
    # rollup
    "help.rollup": {
        "vi": "số liệu tuần của tỉnh từ sổ báo cáo của các đơn vị",
        "en": "the province's weekly figures from the units' report workbooks",
    },
    "help.rollup.inputs": {
        "vi": "sổ báo cáo, tệp .eml hoặc thư mục",
        "en": "workbook, .eml or folder",
    },
    "help.rollup.register": {
        "vi": "danh sách điểm quét (CSV hoặc XLSX)",
        "en": "points (CSV or XLSX)",
    },
    "help.rollup.week": {
        "vi": "tuần ISO như 2021-W41, hoặc một ngày trong tuần (13/10/2021)",
        "en": "ISO week such as 2021-W41, or a day of the week (13/10/2021)",
    },
    "help.rollup.out": {"vi": "sổ tổng hợp của tỉnh cần ghi", "en": "province workbook to write"},
    "help.rollup.letter": {"vi": "dự thảo công văn cần ghi", "en": "draft letter to write"},
    "help.rollup.json": {
        "vi": "in số liệu thành một đối tượng JSON",
        "en": "print the figures as one JSON object",
    },
    # scan, scanner, set-pin
    "help.scan": {
        "vi": "đọc mã QR trong tệp ảnh và video",
        "en": "read the QR codes in image and video files",
    },
    "help.scan.description": {
        "vi": "Đọc mã QR trong tệp ảnh và video, nhanh nhất có thể. "
        "Mã thoát 1 khi có tệp không đọc được.",
        "en": "Read the QR codes in image and video files, as fast as they decode. "
        "Exit status 1 when a file could not be read.",
    },
    "help.scan.files": {"vi": "tệp ảnh hoặc video", "en": "images or videos"},
    "help.scan.unit": {
        "vi": "kiểm chứng mã riêng của đơn vị bằng khóa bí mật (mở cơ sở dữ liệu)",
        "en": "verify the unit's own codes with its secret (opens the database)",
    },
    "help.scanner": {
        "vi": "máy quét cầm tay ở chế độ cổng nối tiếp: liệt kê cổng, đọc mã",
        "en": "handheld scanner in serial mode: list ports, read codes",
    },
    "help.scanner.description": {
        "vi": "Máy quét cầm tay ở chế độ USB-COM / CDC (cổng nối tiếp ảo).",
        "en": "A handheld scanner in USB-COM / CDC (virtual serial port) mode.",
    },
    "help.scanner.ports": {
        "vi": "liệt kê các cổng nối tiếp của máy tính này",
        "en": "list the serial ports of this computer",
    },
    "help.scanner.listen": {
        "vi": "in các mã máy quét gửi qua cổng nối tiếp (Ctrl+C để dừng)",
        "en": "print the codes a serial scanner sends (Ctrl+C stops)",
    },
    "help.scanner.port": {
        "vi": "mặc định: --scanner-port, rồi đến thiết lập scanner.port",
        "en": "default: --scanner-port, then the setting scanner.port",
    },
    "help.scanner.baud": {"vi": "mặc định: scanner.baud", "en": "default: scanner.baud"},
    "help.scanner.count": {"vi": "dừng sau N mã", "en": "stop after N codes"},
    "help.set_pin": {
        "vi": "đặt hoặc đặt lại mã PIN quản lý (nhập hai lần, hoặc một dòng từ đầu vào chuẩn)",
        "en": "set or reset the manager PIN (asked twice, or one line on stdin)",
    },
}
