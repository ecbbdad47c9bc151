"""Messages of the poster, staff cards, visitor passes and printing."""

MESSAGES: dict[str, dict[str, str]] = {
    "print.cannot_write": {
        "vi": "Không ghi được tệp {path} (thư mục không tồn tại hoặc không có quyền ghi)",
        "en": "Cannot write the file {path} (no such folder or no permission)",
    },
    "print.bad_extension": {
        "vi": "Chỉ lưu được tệp .pdf hoặc .png: {path}",
        "en": "Only .pdf or .png files can be written: {path}",
    },
    "print.failed": {"vi": "Không in được {title}", "en": "Could not print {title}"},
    "print.unit_not_set": {
        "vi": 'Chưa có tên đơn vị. Hãy thiết lập: desk-app config set unit.name "Tên đơn vị"',
        "en": 'The unit has no name yet. Set it: desk-app config set unit.name "Unit name"',
    },
    "print.unknown_checkpoint": {
        "vi": 'Không có điểm kiểm soát "{name}". Các điểm đã thiết lập: {known}',
        "en": 'No checkpoint "{name}". The unit\'s checkpoints: {known}',
    },
    "print.payload_empty": {"vi": "Nội dung mã trống", "en": "The code text is empty"},
    "print.payload_too_long": {
        "vi": "Nội dung mã quá dài để in thành mã QR đọc được ({length} ký tự, tối đa {limit})",
        "en": "The code text is too long for a readable QR code ({length} characters, "
        "at most {limit})",
    },
    "print.cannot_read": {
        "vi": "Không đọc được ảnh {path}",
        "en": "Cannot read the image {path}",
    },
    "print.no_code_in_image": {
        "vi": "Không tìm thấy mã QR nào trong ảnh {path}",
        "en": "No QR code found in the image {path}",
    },
    "print.written": {"vi": "Đã ghi {path}", "en": "Wrote {path}"},
    "poster.written": {
        "vi": 'Áp phích "{checkpoint}" phiên bản {version}: {path}',
        "en": 'Poster "{checkpoint}" version {version}: {path}',
    },
    "poster.heading": {"vi": "MÃ QR ĐIỂM KIỂM SOÁT RA VÀO", "en": "Entry checkpoint QR code"},
    "poster.checkpoint": {"vi": "Điểm kiểm soát: {name}", "en": "Checkpoint: {name}"},
    "poster.instructions.own": {
        "vi": "Khi vào và khi ra, vui lòng xuất trình mã QR cá nhân, thẻ căn cước hoặc thẻ "
        "của đơn vị để quét tại bàn tiếp đón.",
        "en": "Entering or leaving? Show your personal QR code, ID card or unit card at the desk.",
    },
    "poster.instructions.external": {
        "vi": "Khi vào và khi ra, vui lòng quét mã QR này bằng ứng dụng trên điện thoại, hoặc "
        "xuất trình mã QR cá nhân, thẻ căn cước tại bàn tiếp đón.",
        "en": "Entering or leaving? Scan this code with your phone, or show your personal QR "
        "code or ID card at the desk.",
    },
    "poster.notice.title": {
        "vi": "THÔNG BÁO VỀ XỬ LÝ DỮ LIỆU CÁ NHÂN",
        "en": "Personal data notice",
    },
    "poster.notice": {
        "vi": "{unit} thu thập họ tên, số định danh hoặc số giấy tờ, ngày sinh, giới tính, số "
        "điện thoại (nếu có) và thời điểm vào, ra của người ra vào, chỉ để kiểm soát ra vào "
        "và bảo đảm an ninh, an toàn cơ quan. Không lưu ảnh giấy tờ. Dữ liệu được lưu {days} "
        "ngày rồi tự động xóa. Bạn có quyền xem, chỉnh sửa và yêu cầu xóa dữ liệu của mình: "
        "liên hệ {contact}. Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định "
        "số 356/2025/NĐ-CP.",
        "en": "{unit} records name, ID number, birth date, sex, phone (if given) and times of "
        "entry and exit, only to control access; no images of ID cards are kept. Records are "
        "deleted after {days} days. To see, correct or delete yours, contact {contact}.",
    },
    "poster.notice.desk": {"vi": "bàn tiếp đón", "en": "the reception desk"},
    "poster.address": {"vi": "Địa chỉ: {address}", "en": "Address: {address}"},
    "poster.contact": {"vi": "Liên hệ: {contact}", "en": "Contact: {contact}"},
    "poster.footer.own": {
        "vi": "Mã điểm kiểm soát của đơn vị · Phiên bản {version} · In ngày {date}",
        "en": "Unit's checkpoint code · Version {version} · Printed {date}",
    },
    "poster.footer.external": {
        "vi": "Mã địa điểm được cấp · Phiên bản {version} · In ngày {date}",
        "en": "Issued location code · Version {version} · Printed {date}",
    },
    "card.heading": {"vi": "THẺ NHÂN VIÊN", "en": "Staff card"},
    "card.staff_id": {"vi": "Mã số: {staff_id}", "en": "No. {staff_id}"},
    "cards.written": {
        "vi": "{count} thẻ nhân viên, {pages} trang: {path}",
        "en": "{count} staff cards, {pages} pages: {path}",
    },
    "cards.none": {
        "vi": "Không có nhân viên nào để in thẻ (hãy nhập danh sách: --staff TỆP)",
        "en": "No staff to print cards for (import a list: --staff FILE)",
    },
    "staff.file_type": {
        "vi": "Danh sách nhân viên phải là tệp .csv hoặc .xlsx: {path}",
        "en": "The staff list must be a .csv or .xlsx file: {path}",
    },
    "staff.cannot_read": {
        "vi": "Không đọc được danh sách {path}: {message}",
        "en": "Cannot read the list {path}: {message}",
    },
    "staff.no_header": {
        "vi": "Dòng đầu phải là tiêu đề có cột mã số và họ tên (ví dụ: ma_so, ho_ten, chuc_vu, "
        "phong_ban)",
        "en": "The first row must be a header with ID and name columns (e.g. staff_id, name, "
        "title, department)",
    },
    "staff.line": {"vi": "Dòng {line}: {problem}", "en": "Line {line}: {problem}"},
    "staff.missing_id": {"vi": "thiếu mã số", "en": "no staff ID"},
    "staff.missing_name": {"vi": "thiếu họ tên", "en": "no name"},
    "staff.too_long": {"vi": "{field} quá dài", "en": "{field} is too long"},
    "staff.duplicate": {
        "vi": "mã số {staff_id} trùng với dòng {line}",
        "en": "staff ID {staff_id} repeats line {line}",
    },
    "staff.imported": {
        "vi": "Đã nhập {count} nhân viên; {bad} dòng lỗi",
        "en": "Imported {count} staff; {bad} bad rows",
    },
    "staff.revoked": {"vi": "Đã thu hồi thẻ {staff_id}", "en": "Revoked card {staff_id}"},
    "staff.not_found": {
        "vi": "Không có thẻ đang hiệu lực mang mã số {staff_id}",
        "en": "No valid card with staff ID {staff_id}",
    },
    "staff.revoked_mark": {"vi": "đã thu hồi {date}", "en": "revoked {date}"},
    "staff.count": {"vi": "{count} nhân viên", "en": "{count} staff"},
    "pass.heading": {"vi": "THẺ KHÁCH", "en": "Visitor pass"},
    "pass.exit": {
        "vi": "Quét thẻ này tại bàn tiếp đón khi ra về.",
        "en": "Scan this pass at the desk when you leave.",
    },
    "pass.valid": {
        "vi": "Có giá trị đến hết ngày {date}",
        "en": "Valid until the end of {date}",
    },
    "pass.number": {"vi": "Số {visit_id}", "en": "No. {visit_id}"},
    "pass.entry": {"vi": "Vào lúc {time}", "en": "In at {time}"},
    "pass.host": {"vi": "Gặp: {host}", "en": "Host: {host}"},
    "pass.purpose": {"vi": "Nội dung: {purpose}", "en": "Purpose: {purpose}"},
    "pass.no_visit": {"vi": "Không có lượt vào số {visit_id}", "en": "No visit number {visit_id}"},
    "pass.visit_closed": {
        "vi": "Lượt vào số {visit_id} đã kết thúc (khách đã ra)",
        "en": "Visit {visit_id} has ended (the visitor has left)",
    },
    "pass.written": {
        "vi": "Thẻ khách cho lượt {visit_id}, hết hạn {date}: {path}",
        "en": "Visitor pass for visit {visit_id}, expires {date}: {path}",
    },
}
