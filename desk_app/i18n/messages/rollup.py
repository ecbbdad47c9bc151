"""Messages of the province's roll-up of weekly reports, its workbook and its letter."""

MESSAGES: dict[str, dict[str, str]] = {
    # The point's identity in a unit's report
    "settings.code_expected": {
        "vi": "chữ, số và . _ / -, tối đa 32 ký tự",
        "en": "letters, digits and . _ / -, at most 32 characters",
    },
    "report.unit_code": {"vi": "Mã điểm: {code}", "en": "Point code: {code}"},
    "report.pdf_attached": {
        "vi": "Trang báo cáo để ký (PDF) trong tệp đính kèm {filename}.",
        "en": "The page to sign (PDF) is the attached file {filename}.",
    },
    "report.no_unit_code": {
        "vi": "Lưu ý: chưa đặt mã điểm do tỉnh cấp (unit.code), nên Sở không ghép được báo cáo"
        " này với điểm của đơn vị. Đặt mã: desk-app config set unit.code MÃ",
        "en": "Note: the point code the province gave (unit.code) is not set, so the"
        " department cannot match this report to the unit's point. Set it with:"
        " desk-app config set unit.code CODE",
    },
    "report.pdf_written": {
        "vi": "Đã ghi trang báo cáo PDF: {path}",
        "en": "PDF page written: {path}",
    },
    # The register
    "rollup.register_unreadable": {
        "vi": "Không đọc được danh sách điểm: {detail}",
        "en": "Cannot read the register: {detail}",
    },
    "rollup.register_format": {
        "vi": "Danh sách điểm là tệp {kind}, không đọc được: lưu lại dạng Excel (.xlsx) hoặc CSV",
        "en": "The register is an {kind} file, which cannot be read: save it as Excel (.xlsx) "
        "or CSV",
    },
    "rollup.output_is_input": {
        "vi": "Không ghi vào {path}: đó là một tệp đang được đọc (danh sách điểm hoặc báo cáo)",
        "en": "Will not write to {path}: it is one of the files read (the register or a report)",
    },
    "rollup.register_encoding": {
        "vi": "Danh sách điểm không phải văn bản UTF-8",
        "en": "The register is not UTF-8 text",
    },
    "rollup.register_no_header": {
        "vi": "Danh sách điểm thiếu dòng tiêu đề có các cột mã, tên, huyện/quận",
        "en": "The register has no header row with the columns code, name, district",
    },
    "rollup.register_no_code": {
        "vi": "Danh sách điểm, dòng {line}: thiếu mã điểm",
        "en": "Register line {line}: the code is missing",
    },
    "rollup.register_duplicate": {
        "vi": "Danh sách điểm: mã {code} có ở cả dòng {first} và dòng {line}",
        "en": "Register: code {code} is on line {first} and on line {line}",
    },
    "rollup.register_more_duplicates": {
        "vi": "... và {count} mã trùng nữa",
        "en": "... and {count} more codes listed twice",
    },
    "rollup.register_empty": {
        "vi": "Danh sách điểm không có điểm nào",
        "en": "The register lists no points",
    },
    "rollup.week_required": {
        "vi": "Cần một tuần ISO (ví dụ 2021-W41) hoặc một ngày trong tuần (13/10/2021): {value}",
        "en": "An ISO week (e.g. 2021-W41) or a day of the week (13/10/2021) is needed: {value}",
    },
    # Why a file does not count
    "rollup.reason.missing": {"vi": "Không có tệp này", "en": "No such file"},
    "rollup.reason.cannot_read": {"vi": "Không đọc được tệp", "en": "Cannot read the file"},
    "rollup.reason.empty": {"vi": "Tệp rỗng (0 byte)", "en": "The file is empty (0 bytes)"},
    "rollup.reason.not_xlsx": {
        "vi": "Không phải tệp Excel (.xlsx) đọc được",
        "en": "Not a readable Excel (.xlsx) file",
    },
    "rollup.reason.not_mail": {"vi": "Không phải thư điện tử", "en": "Not an e-mail message"},
    "rollup.reason.outlook_msg": {
        "vi": "Thư lưu bằng Outlook (.msg) không đọc được: lưu thư dạng .eml hoặc lưu tệp đính kèm",
        "en": "An e-mail saved by Outlook (.msg) cannot be read: save it as .eml, or save the "
        "attachment",
    },
    "rollup.reason.archive": {
        "vi": "Tệp nén (.zip, .rar, .7z) không đọc được: giải nén vào thư mục rồi đọc thư mục",
        "en": "An archive (.zip, .rar, .7z) cannot be read: unpack it into a folder and read "
        "the folder",
    },
    "rollup.reason.winmail": {
        "vi": "Thư gửi từ Outlook dạng RTF, tệp đính kèm bị đóng gói trong winmail.dat: đề nghị "
        "đơn vị gửi lại thư dạng HTML hoặc văn bản thường",
        "en": "An e-mail sent by Outlook in rich text, its attachments packed into winmail.dat: "
        "ask the unit to send it again as HTML or plain text",
    },
    "rollup.reason.no_attachment": {
        "vi": "Thư không đính kèm tệp báo cáo .xlsx",
        "en": "The e-mail has no .xlsx report attached",
    },
    "rollup.reason.several_attachments": {
        "vi": "Thư đính kèm nhiều tệp .xlsx",
        "en": "The e-mail has several .xlsx files attached",
    },
    "rollup.reason.no_data": {
        "vi": "Không phải báo cáo tuần của phần mềm (thiếu phần số liệu máy đọc)",
        "en": "Not a weekly report of this program (no machine-readable figures)",
    },
    "rollup.reason.no_code": {
        "vi": "Báo cáo chưa ghi mã điểm (thiết lập unit.code)",
        "en": "The report carries no point code (setting unit.code)",
    },
    "rollup.reason.bad_value": {
        "vi": "Số liệu trong báo cáo không hợp lệ",
        "en": "The report's figures are not valid",
    },
    "rollup.reason.newer_format": {
        "vi": "Báo cáo do phiên bản mới hơn của phần mềm lập",
        "en": "The report was made by a newer version of the program",
    },
    "rollup.reason.unknown_code": {
        "vi": "Mã điểm {code} không có trong danh sách điểm",
        "en": "Point code {code} is not in the register",
    },
    "rollup.reason.other_week": {
        "vi": "Báo cáo của tuần khác ({week}), mã điểm {code}",
        "en": "A report for another week ({week}), point {code}",
    },
    "rollup.reason.other_unit": {
        "vi": "Mã điểm {code} có báo cáo của hai đơn vị khác tên; chỉ tính báo cáo lập sau",
        "en": "Two units with different names report as point {code}; only the later report counts",
    },
    "rollup.reason.superseded": {
        "vi": "Bản cũ; đã có báo cáo gửi lại sau của điểm {code}",
        "en": "An older copy; point {code} sent a later report",
    },
    "rollup.reason.duplicate": {
        "vi": "Trùng với báo cáo đã đọc của điểm {code}",
        "en": "The same report of point {code} as one already read",
    },
    # Command line
    "rollup.written": {"vi": "Đã ghi {path}", "en": "Written: {path}"},
    "rollup.summary_line": {
        "vi": (
            "{week}: {points} điểm, {reported} điểm có báo cáo, {zero} điểm bằng 0, "
            "{missing} điểm không báo cáo; {scans} lượt quét (tuần trước {previous})"
        ),
        "en": (
            "{week}: {points} points, {reported} reported, {zero} zero, "
            "{missing} sent nothing; {scans} scans (previous week {previous})"
        ),
    },
    "rollup.files_line": {
        "vi": "{read} tệp, {new} tệp mới đọc, {unmatched} tệp không tính:",
        "en": "{read} files, {new} read for the first time, {unmatched} not counted:",
    },
    # The province workbook
    "rollup.sheet.summary": {"vi": "Tổng hợp", "en": "Summary"},
    "rollup.sheet.districts": {"vi": "Theo huyện", "en": "By district"},
    "rollup.sheet.zero": {"vi": "Báo cáo bằng 0", "en": "Zero"},
    "rollup.sheet.missing": {"vi": "Không báo cáo", "en": "Missing"},
    "rollup.sheet.ranking": {"vi": "Xếp hạng", "en": "Ranking"},
    "rollup.sheet.unmatched": {"vi": "Tệp không tính", "en": "Files not counted"},
    "rollup.title": {
        "vi": "TỔNG HỢP KẾT QUẢ QUÉT MÃ QR CỦA CÁC ĐIỂM",
        "en": "SCAN POINTS' QR SCANNING: PROVINCE SUMMARY",
    },
    "rollup.fig.points": {"vi": "Số điểm quét mã", "en": "Scan points registered"},
    "rollup.fig.reported": {"vi": "Số điểm có báo cáo", "en": "Points that reported"},
    "rollup.fig.zero": {"vi": "Số điểm báo cáo bằng 0", "en": "Points that reported zero"},
    "rollup.fig.missing": {
        "vi": "Số điểm không có số liệu báo cáo",
        "en": "Points that sent nothing",
    },
    "rollup.fig.scans": {"vi": "Lượt quét mã tuần này", "en": "Scans this week"},
    "rollup.fig.previous": {"vi": "Lượt quét mã tuần trước", "en": "Scans the previous week"},
    "rollup.fig.change": {"vi": "Tăng (+) / giảm (-)", "en": "Change (+ / -)"},
    "rollup.fig.by_code": {"vi": "Lượt quét bằng mã QR", "en": "Scans by QR code"},
    "rollup.fig.by_hand": {"vi": "Lượt nhập tay", "en": "Scans entered by hand"},
    "rollup.fig.share_by_code": {
        "vi": "Tỷ lệ quét bằng mã QR (%)",
        "en": "Share of scans by QR code (%)",
    },
    "rollup.fig.share_by_hand": {
        "vi": "Tỷ lệ nhập tay (%)",
        "en": "Share of scans by hand (%)",
    },
    "rollup.col.no": {"vi": "STT", "en": "No."},
    "rollup.col.rank": {"vi": "Hạng", "en": "Rank"},
    "rollup.col.code": {"vi": "Mã điểm", "en": "Code"},
    "rollup.col.name": {"vi": "Tên điểm", "en": "Name"},
    "rollup.col.district": {"vi": "Huyện/Thành phố", "en": "District"},
    "rollup.no_district": {"vi": "(chưa ghi huyện)", "en": "(no district given)"},
    "rollup.col.type": {"vi": "Loại", "en": "Type"},
    "rollup.col.status": {"vi": "Tình trạng", "en": "Status"},
    "rollup.col.figure": {"vi": "Chỉ tiêu", "en": "Figure"},
    "rollup.col.value": {"vi": "Số liệu", "en": "Value"},
    "rollup.col.file": {"vi": "Tệp", "en": "File"},
    "rollup.col.reason": {"vi": "Lý do", "en": "Reason"},
    "rollup.col.points": {"vi": "Số điểm", "en": "Points"},
    "rollup.col.reported": {"vi": "Có báo cáo", "en": "Reported"},
    "rollup.col.zero": {"vi": "Bằng 0", "en": "Zero"},
    "rollup.col.missing": {"vi": "Không báo cáo", "en": "Sent nothing"},
    "rollup.col.scans": {"vi": "Lượt quét tuần này", "en": "Scans this week"},
    "rollup.col.previous": {"vi": "Tuần trước", "en": "Previous week"},
    "rollup.col.change": {"vi": "Tăng/giảm", "en": "Change"},
    "rollup.col.by_code": {"vi": "Bằng mã QR", "en": "By QR code"},
    "rollup.col.by_hand": {"vi": "Nhập tay", "en": "By hand"},
    "rollup.status.reported": {"vi": "Có báo cáo", "en": "Reported"},
    "rollup.status.zero": {"vi": "Báo cáo bằng 0", "en": "Reported zero"},
    "rollup.status.missing": {"vi": "Không báo cáo", "en": "Sent nothing"},
    "rollup.total": {"vi": "Toàn tỉnh", "en": "Province"},
    "rollup.chart": {
        "vi": "Lượt quét mã theo huyện: tuần này và tuần trước",
        "en": "Scans by district: this week and the previous week",
    },
    "rollup.none": {"vi": "(không có)", "en": "(none)"},
    "rollup.definition": {
        "vi": (
            "Lượt quét: như báo cáo của từng điểm tính (lượt vào và lượt ra). Tuần trước: "
            "báo cáo tuần trước đã nhận; nếu điểm không gửi, lấy số tuần trước trong báo cáo "
            "tuần này của điểm."
        ),
        "en": (
            "Scans: as each point's own report counts them (entries and exits). Previous "
            "week: the report received for that week; when the point sent none, the "
            "previous-week figure of its report for this week."
        ),
    },
    # The letter
    "rollup.letter.title": {
        "vi": "Về kết quả quét mã QR kiểm soát ra vào {week}",
        "en": "On the results of QR entry control, {week}",
    },
    "rollup.letter.opening": {
        "vi": (
            "Thực hiện chỉ đạo về việc tạo mã QR và quét mã kiểm soát người ra vào tại các "
            "cơ quan, đơn vị, doanh nghiệp, cửa hàng, {agency} thông báo kết quả thực hiện "
            "trên địa bàn tỉnh như sau:"
        ),
        "en": (
            "Following the instruction that every agency, business and shop create a QR "
            "code and scan people in and out, {agency} reports the results in the "
            "province as follows:"
        ),
    },
    "rollup.letter.points": {
        "vi": (
            "Toàn tỉnh có {points} điểm quét mã; {reported} điểm có báo cáo; tổng số "
            "{scans} lượt quét mã (tuần trước {previous} lượt)."
        ),
        "en": (
            "Scan points in the province: {points}; points that reported: {reported}; scans "
            "in all: {scans} (the previous week: {previous})."
        ),
    },
    "rollup.letter.week": {
        "vi": (
            "{week} có {zero} điểm quét mã số liệu báo cáo bằng 0; {missing} điểm quét mã "
            "không có số liệu báo cáo. {change} lượt quét mã trong toàn tỉnh so với tuần "
            "trước đó."
        ),
        "en": (
            "{week}: scan points that reported zero: {zero}; scan points that sent no "
            "figures: {missing}. Scans in the whole province against the week before: "
            "{change}."
        ),
    },
    "rollup.letter.down": {"vi": "Giảm {count}", "en": "down {count}"},
    "rollup.letter.up": {"vi": "Tăng {count}", "en": "up {count}"},
    "rollup.letter.same": {"vi": "Không thay đổi số", "en": "no change"},
    "rollup.letter.request": {
        "vi": (
            "Đề nghị thủ trưởng các cơ quan, đơn vị có điểm báo cáo bằng 0 hoặc không có số "
            "liệu báo cáo (danh sách kèm theo) chỉ đạo quét mã đầy đủ tại mọi lối ra vào và "
            "gửi báo cáo đúng hạn vào chiều thứ Sáu hằng tuần."
        ),
        "en": (
            "Heads of units whose points reported zero or sent nothing (list attached) are "
            "asked to have every entry and exit scanned and to report on time every Friday "
            "afternoon."
        ),
    },
    "rollup.letter.recipients": {"vi": "Nơi nhận:", "en": "To:"},
    "rollup.letter.recipients_list": {
        "vi": "- Như trên;\n- Lưu: VT.",
        "en": "- As above;\n- Archive.",
    },
    "rollup.letter.signer": {"vi": "THỦ TRƯỞNG CƠ QUAN", "en": "HEAD OF THE AGENCY"},
    "rollup.letter.number": {"vi": "Số:      /", "en": "No.:      /"},
    "rollup.letter.annex": {
        "vi": "DANH SÁCH ĐIỂM BÁO CÁO BẰNG 0 VÀ KHÔNG CÓ SỐ LIỆU BÁO CÁO",
        "en": "POINTS THAT REPORTED ZERO OR SENT NOTHING",
    },
}
