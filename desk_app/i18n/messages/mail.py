"""Messages of mail sending and the outbox."""

MESSAGES: dict[str, dict[str, str]] = {
    "mail.subject": {
        "vi": "Báo cáo kiểm soát ra vào bằng mã QR - {unit} - {period}",
        "en": "Entry control report - {unit} - {period}",
    },
    "mail.greeting": {"vi": "Kính gửi Quý cơ quan,", "en": "Dear colleagues,"},
    "mail.intro": {
        "vi": "{unit} gửi báo cáo kết quả kiểm soát ra vào bằng mã QR, {period}.",
        "en": "{unit} sends its report on entry control by QR code, {period}.",
    },
    "mail.key_figures": {"vi": "Số liệu chính:", "en": "Key figures:"},
    "mail.line.scans": {
        "vi": "- Tổng số lượt quét: {scans} (vào {entries}, ra {exits})",
        "en": "- Scans: {scans} ({entries} entries, {exits} exits)",
    },
    "mail.line.people": {"vi": "- Số người: {people}", "en": "- People: {people}"},
    "mail.line.qr": {
        "vi": "- Lượt vào bằng mã QR: {qr} ({share}); nhập tay: {manual}",
        "en": "- Entries by QR code: {qr} ({share}); by hand: {manual}",
    },
    "mail.line.empty_days": {
        "vi": "- Số ngày không có lượt quét: {count}",
        "en": "- Days with no scans: {count}",
    },
    "mail.line.change": {
        "vi": "- So với kỳ trước: {difference} lượt quét ({percent})",
        "en": "- Against the previous period: {difference} scans ({percent})",
    },
    "mail.line.change_no_base": {
        "vi": "- So với kỳ trước: kỳ trước không có lượt quét",
        "en": "- Against the previous period: no scans in the previous period",
    },
    "mail.attached": {
        "vi": "Chi tiết trong tệp đính kèm {filename}.",
        "en": "The details are in the attached file {filename}.",
    },
    "mail.closing": {"vi": "Trân trọng,", "en": "Kind regards,"},
    "mail.not_configured": {
        "vi": "Chưa thiết lập máy chủ thư (mail.host)",
        "en": "No mail server set up (mail.host)",
    },
    "mail.no_recipients": {
        "vi": "Chưa có người nhận báo cáo (mail.recipients)",
        "en": "No report recipients set up (mail.recipients)",
    },
    "mail.no_sender": {
        "vi": "Chưa có địa chỉ người gửi (mail.sender)",
        "en": "No sender address (mail.sender)",
    },
    "mail.no_password": {
        "vi": "Chưa lưu mật khẩu thư của {user} trong kho khóa của hệ điều hành",
        "en": "No mail password for {user} in the system keyring",
    },
    "mail.keyring_error": {
        "vi": "Không dùng được kho khóa của hệ điều hành: {detail}",
        "en": "The system keyring cannot be used: {detail}",
    },
    "mail.error.auth": {
        "vi": "Máy chủ thư từ chối đăng nhập: {detail}",
        "en": "The mail server refused the login: {detail}",
    },
    "mail.error.connect": {
        "vi": "Không kết nối được máy chủ thư {host}:{port}: {detail}",
        "en": "Cannot connect to the mail server {host}:{port}: {detail}",
    },
    "mail.error.timeout": {
        "vi": "Máy chủ thư không trả lời sau {seconds} giây",
        "en": "The mail server did not answer within {seconds} seconds",
    },
    "mail.error.refused": {
        "vi": "Máy chủ thư từ chối thư: {detail}",
        "en": "The mail server refused the message: {detail}",
    },
    "mail.error.tls": {
        "vi": "Lỗi kết nối bảo mật với máy chủ thư: {detail}",
        "en": "Secure connection to the mail server failed: {detail}",
    },
    "mail.error.other": {"vi": "Lỗi gửi thư: {detail}", "en": "Sending failed: {detail}"},
    "mail.sent": {
        "vi": "Đã gửi báo cáo {period} tới {recipients}",
        "en": "Sent the report {period} to {recipients}",
    },
    "mail.queued": {
        "vi": "Chưa gửi được: thư được giữ trong hộp thư đi (số {id}) và sẽ được gửi lại sau. "
        "Lý do: {reason}",
        "en": "Not sent: the message is kept in the outbox (number {id}) and will be sent "
        "again later. Reason: {reason}",
    },
    "mail.eml_saved": {"vi": "Đã lưu thư vào {path}", "en": "Saved the message to {path}"},
    "mail.password_set": {
        "vi": "Đã lưu mật khẩu thư của {user} vào kho khóa",
        "en": "Saved the mail password of {user} in the keyring",
    },
    "mail.password_no_user": {"vi": "Hãy đặt mail.user trước", "en": "Set mail.user first"},
    "mail.password_prompt": {"vi": "Mật khẩu thư của {user}: ", "en": "Mail password of {user}: "},
    "outbox.empty": {"vi": "Hộp thư đi trống", "en": "The outbox is empty"},
    "outbox.status.pending": {"vi": "chờ gửi", "en": "pending"},
    "outbox.status.sent": {"vi": "đã gửi", "en": "sent"},
    "outbox.status.sending": {"vi": "đang gửi", "en": "sending"},
    "outbox.retried": {
        "vi": "Đã gửi {sent} trong {total} thư chờ",
        "en": "Sent {sent} of {total} waiting messages",
    },
    "outbox.not_found": {"vi": "Không có thư số {id}", "en": "No message number {id}"},
    "outbox.busy": {
        "vi": "Thư số {id} đang được gửi từ một bàn khác",
        "en": "Message {id} is being sent by another desk",
    },
    "mail.partly_refused": {
        "vi": "đã gửi tới {delivered}; máy chủ thư từ chối {refused}. "
        "Thư chờ gửi lại chỉ cho những người bị từ chối",
        "en": "sent to {delivered}; the mail server refused {refused}. "
        "The message waits to be sent again to the refused recipients only",
    },
    "mail.partly_sent": {
        "vi": "Chỉ gửi được một phần (hộp thư đi, số {id}): {reason}",
        "en": "Sent only in part (outbox number {id}): {reason}",
    },
}
