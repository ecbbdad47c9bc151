<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About desk_app</source>
        <translation>Giới thiệu desk_app</translation>
    </message>
    <message>
        <source>Entry control at the desk. The details below help when asking for support.</source>
        <translation>Kiểm soát ra vào tại bàn tiếp đón. Các thông tin dưới đây giúp khi cần hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>Gathering the details…</source>
        <translation>Đang thu thập thông tin…</translation>
    </message>
    <message>
        <source>&amp;Copy the details</source>
        <translation>&amp;Sao chép thông tin</translation>
    </message>
</context>
<context>
    <name>CameraChoice</name>
    <message>
        <source>e.g. 1, D:\video.mp4 or rtsp://…</source>
        <translation>ví dụ: 1, D:\video.mp4 hoặc rtsp://…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>C&amp;họn tệp…</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Camera %1</translation>
    </message>
    <message>
        <source>Camera number, video file or stream address</source>
        <translation>Số camera, tệp video hoặc địa chỉ luồng</translation>
    </message>
    <message>
        <source>Enter a camera number, a video file or an address.</source>
        <translation>Hãy nhập số camera, tệp video hoặc địa chỉ luồng.</translation>
    </message>
    <message>
        <source>Choose a video file</source>
        <translation>Chọn tệp video</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</source>
        <translation>Video (*.mp4 *.avi *.mkv *.mov);;Tất cả các tệp (*)</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Opening the camera…</source>
        <translation>Đang mở camera…</translation>
    </message>
    <message>
        <source>Camera live: hold the code steady in front of it</source>
        <translation>Camera đang chạy: giữ mã yên trước camera</translation>
    </message>
    <message>
        <source>Camera lost: reconnecting…</source>
        <translation>Mất tín hiệu camera: đang kết nối lại…</translation>
    </message>
    <message>
        <source>Reconnecting to the camera…</source>
        <translation>Đang kết nối lại camera…</translation>
    </message>
    <message>
        <source>The video has ended</source>
        <translation>Video đã hết</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Không có camera</translation>
    </message>
    <message>
        <source>Camera stopped</source>
        <translation>Camera đã dừng</translation>
    </message>
    <message>
        <source>The desk works without a camera too: choose another camera, play the demo feed, scan with a handheld scanner or type a visitor in.</source>
        <translation>Bàn tiếp đón vẫn làm việc khi không có camera: chọn camera khác, phát video mẫu, quét bằng máy quét cầm tay hoặc nhập khách bằng tay.</translation>
    </message>
    <message>
        <source>Camera, video file or stream address</source>
        <translation>Camera, tệp video hoặc địa chỉ luồng</translation>
    </message>
    <message>
        <source>Cameras found on this computer</source>
        <translation>Các camera tìm thấy trên máy này</translation>
    </message>
    <message>
        <source>Use this camera</source>
        <translation>Dùng camera này</translation>
    </message>
    <message>
        <source>Play the demo feed (Ctrl+D)</source>
        <translation>Phát video mẫu (Ctrl+D)</translation>
    </message>
    <message>
        <source>Use a handheld scanner (F11)</source>
        <translation>Dùng máy quét cầm tay (F11)</translation>
    </message>
    <message>
        <source>Manual entry (Ctrl+N)</source>
        <translation>Nhập tay (Ctrl+N)</translation>
    </message>
    <message>
        <source>Handheld scanner</source>
        <translation>Máy quét cầm tay</translation>
    </message>
    <message>
        <source>Scan a code with the handheld scanner: it is recorded wherever the cursor is.</source>
        <translation>Quét mã bằng máy quét cầm tay: lượt quét được ghi dù con trỏ đang ở đâu.</translation>
    </message>
    <message>
        <source>Use a camera instead</source>
        <translation>Dùng camera</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Hình camera</translation>
    </message>
</context>
<context>
    <name>CameraWorker</name>
    <message>
        <source>The camera stopped because of an internal error</source>
        <translation>Camera đã dừng do lỗi bên trong chương trình</translation>
    </message>
    <message>
        <source>Opening {source}…</source>
        <translation>Đang mở {source}…</translation>
    </message>
    <message>
        <source>Cannot open {source}: {error}</source>
        <translation>Không mở được {source}: {error}</translation>
    </message>
    <message>
        <source>{message} Trying again in {seconds:g} s.</source>
        <translation>{message} Thử lại sau {seconds:g} giây.</translation>
    </message>
    <message>
        <source>End of {source}</source>
        <translation>Đã hết {source}</translation>
    </message>
    <message>
        <source>{source} stopped sending pictures</source>
        <translation>{source} không còn gửi hình</translation>
    </message>
    <message>
        <source>Reconnecting to {source}…</source>
        <translation>Đang kết nối lại {source}…</translation>
    </message>
    <message>
        <source>Camera {index}</source>
        <translation>Camera {index}</translation>
    </message>
</context>
<context>
    <name>CardsTab</name>
    <message>
        <source>Staff ID</source>
        <translation>Mã nhân viên</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng ban</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>Import list (CSV, XLSX)...</source>
        <translation>Nhập danh sách (CSV, XLSX)...</translation>
    </message>
    <message>
        <source>Revoke card...</source>
        <translation>Thu hồi thẻ...</translation>
    </message>
    <message>
        <source>Cards are printed for the staff selected in the list, or for every valid card when none is selected. A revoked card is refused at the desk.</source>
        <translation>Thẻ được in cho những nhân viên được chọn trong danh sách, hoặc cho mọi thẻ còn hiệu lực nếu không chọn ai. Thẻ đã thu hồi sẽ bị từ chối tại bàn tiếp đón.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>còn hiệu lực</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>thu hồi ngày %1</translation>
    </message>
    <message>
        <source>Staff list</source>
        <translation>Danh sách nhân viên</translation>
    </message>
    <message>
        <source>Staff lists (*.csv *.xlsx)</source>
        <translation>Danh sách nhân viên (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Imported %1 staff; %2 bad rows.</source>
        <translation>Đã nhập %1 nhân viên; %2 dòng bị lỗi.</translation>
    </message>
    <message>
        <source>Select the card to revoke in the list.</source>
        <translation>Hãy chọn thẻ cần thu hồi trong danh sách.</translation>
    </message>
    <message>
        <source>Revoke card</source>
        <translation>Thu hồi thẻ</translation>
    </message>
    <message>
        <source>Reason (for example: card lost)</source>
        <translation>Lý do (ví dụ: mất thẻ)</translation>
    </message>
    <message>
        <source>Revoked: %1</source>
        <translation>Đã thu hồi: %1</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Direction: automatic</source>
        <translation>Chiều: tự động</translation>
    </message>
    <message>
        <source>Every scan is an ENTRY</source>
        <translation>Mọi lượt quét là VÀO</translation>
    </message>
    <message>
        <source>Every scan is an EXIT</source>
        <translation>Mọi lượt quét là RA</translation>
    </message>
    <message>
        <source>Manual entry…</source>
        <translation>Nhập tay…</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Cho ra</translation>
    </message>
    <message>
        <source>Show full ID number…</source>
        <translation>Xem đầy đủ số giấy tờ…</translation>
    </message>
    <message>
        <source>Print codes…</source>
        <translation>In mã…</translation>
    </message>
    <message>
        <source>Weekly report…</source>
        <translation>Báo cáo tuần…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Tự động</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Vào</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Ra</translation>
    </message>
    <message>
        <source>Choose camera…</source>
        <translation>Chọn camera…</translation>
    </message>
    <message>
        <source>Play the demo feed</source>
        <translation>Phát video mẫu</translation>
    </message>
    <message>
        <source>Handheld scanner only</source>
        <translation>Chỉ dùng máy quét cầm tay</translation>
    </message>
    <message>
        <source>Search visits</source>
        <translation>Tìm lượt ra vào</translation>
    </message>
    <message>
        <source>Go to today&apos;s visits</source>
        <translation>Đến danh sách hôm nay</translation>
    </message>
    <message>
        <source>Go to who is inside</source>
        <translation>Đến danh sách đang ở trong</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Thiết lập…</translation>
    </message>
    <message>
        <source>Roll up the weekly reports…</source>
        <translation>Tổng hợp báo cáo tuần…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>About desk_app…</source>
        <translation>Giới thiệu desk_app…</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Bàn tiếp đón</translation>
    </message>
    <message>
        <source>&amp;Scanning</source>
        <translation>&amp;Quét</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Main tools</source>
        <translation>Công cụ chính</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>Entry control</source>
        <translation>Kiểm soát ra vào</translation>
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <source>Select a visit with an ID number first</source>
        <translation>Hãy chọn một lượt có số giấy tờ trước</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up the desk</source>
        <translation>Thiết lập bàn tiếp đón</translation>
    </message>
    <message>
        <source>Your unit</source>
        <translation>Thông tin đơn vị</translation>
    </message>
    <message>
        <source>These details are printed on the unit&apos;s QR poster and the weekly report.</source>
        <translation>Các thông tin này được in trên áp phích mã QR của đơn vị và trong báo cáo tuần.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Lượt ra vào</translation>
    </message>
    <message>
        <source>When the desk closes and how long the log keeps each visit.</source>
        <translation>Giờ đóng cửa và thời gian lưu mỗi lượt ra vào trong sổ.</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Mã PIN quản lý</translation>
    </message>
    <message>
        <source>Only the unit&apos;s manager should know it.</source>
        <translation>Chỉ người quản lý của đơn vị được biết mã này.</translation>
    </message>
    <message>
        <source>Handheld scanner</source>
        <translation>Máy quét cầm tay</translation>
    </message>
    <message>
        <source>Only for a scanner in USB-COM (serial) mode; otherwise just click Finish.</source>
        <translation>Chỉ cần cho máy quét ở chế độ USB-COM (cổng nối tiếp); nếu không, chỉ việc bấm Hoàn tất.</translation>
    </message>
    <message>
        <source>The PIN is asked before the settings open and before an ID number is shown in full. After three wrong PINs the desk makes you wait.</source>
        <translation>Mã PIN được hỏi trước khi mở phần thiết lập và trước khi hiện đầy đủ một số giấy tờ. Nhập sai ba lần thì phải chờ một lúc mới được thử lại.</translation>
    </message>
</context>
<context>
    <name>InsidePanel</name>
    <message>
        <source>Inside now</source>
        <translation>Đang ở trong</translation>
    </message>
    <message>
        <source>Entries today</source>
        <translation>Lượt vào hôm nay</translation>
    </message>
    <message>
        <source>Exits today</source>
        <translation>Lượt ra hôm nay</translation>
    </message>
    <message>
        <source>Who is inside</source>
        <translation>Những người đang ở trong</translation>
    </message>
    <message>
        <source>Check out (F8)</source>
        <translation>Cho ra (F8)</translation>
    </message>
    <message>
        <source>Record that the selected person left (F8)</source>
        <translation>Ghi nhận người được chọn đã ra (F8)</translation>
    </message>
</context>
<context>
    <name>MailForm</name>
    <message>
        <source>SMTP &amp;server</source>
        <translation>Máy chủ &amp;SMTP</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>&amp;Cổng</translation>
    </message>
    <message>
        <source>Se&amp;curity</source>
        <translation>&amp;Bảo mật</translation>
    </message>
    <message>
        <source>User &amp;name</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>S&amp;ender address</source>
        <translation>Địa chỉ &amp;gửi</translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation>&amp;Người nhận</translation>
    </message>
    <message>
        <source>Report &amp;reminder day</source>
        <translation>Nhắc gửi báo cáo &amp;vào</translation>
    </message>
    <message>
        <source>Reminder &amp;from</source>
        <translation>Nhắc từ &amp;lúc</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>Không (không mã hóa)</translation>
    </message>
    <message>
        <source>One address per line</source>
        <translation>Mỗi dòng một địa chỉ</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <source>This computer has no password store, so the mail password cannot be saved. The report will ask for it when it is sent.</source>
        <translation>Máy tính này không có kho lưu mật khẩu nên không lưu được mật khẩu thư. Khi gửi báo cáo, chương trình sẽ hỏi mật khẩu.</translation>
    </message>
    <message>
        <source>Saved: type a new one to replace it</source>
        <translation>Đã lưu: gõ mật khẩu mới để thay</translation>
    </message>
    <message>
        <source>Kept in the system&apos;s password store, never in the log database.</source>
        <translation>Được giữ trong kho mật khẩu của hệ điều hành, không bao giờ ghi vào cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>The sender address is not an e-mail address.</source>
        <translation>Địa chỉ gửi không phải là địa chỉ thư điện tử.</translation>
    </message>
    <message>
        <source>Not an e-mail address: %1</source>
        <translation>Không phải địa chỉ thư điện tử: %1</translation>
    </message>
    <message>
        <source>The password store refused the password; nothing was saved.</source>
        <translation>Kho mật khẩu từ chối lưu mật khẩu; chưa có gì được lưu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Entry control</source>
        <translation>Kiểm soát ra vào</translation>
    </message>
</context>
<context>
    <name>ManagerActions</name>
    <message>
        <source>Show a full ID number</source>
        <translation>Xem đầy đủ số giấy tờ</translation>
    </message>
    <message>
        <source>Full ID number</source>
        <translation>Số giấy tờ đầy đủ</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>Mở phần thiết lập</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Birth date: use DD/MM/YYYY</source>
        <translation>Ngày sinh: nhập theo DD/MM/YYYY</translation>
    </message>
    <message>
        <source>Manual entry</source>
        <translation>Nhập tay</translation>
    </message>
    <message>
        <source>For a visitor without a code. Only the name is required.</source>
        <translation>Dành cho khách không có mã. Chỉ bắt buộc họ tên.</translation>
    </message>
    <message>
        <source>Full name *</source>
        <translation>Họ và tên *</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Cơ quan, đơn vị</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <source>Visiting</source>
        <translation>Gặp ai</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <source>9 or 12 digits, or a passport</source>
        <translation>9 hoặc 12 chữ số, hoặc số hộ chiếu</translation>
    </message>
</context>
<context>
    <name>NewPinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>Mã PIN quản lý</translation>
    </message>
</context>
<context>
    <name>NewPinForm</name>
    <message>
        <source>New &amp;PIN (6 to 8 digits)</source>
        <translation>Mã &amp;PIN mới (6 đến 8 chữ số)</translation>
    </message>
    <message>
        <source>&amp;Repeat the PIN</source>
        <translation>&amp;Nhập lại mã PIN</translation>
    </message>
</context>
<context>
    <name>PassTab</name>
    <message>
        <source>Visitor inside</source>
        <translation>Khách đang ở trong</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Kiểu in</translation>
    </message>
    <message>
        <source>A6 label</source>
        <translation>Nhãn A6</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>Giấy in hóa đơn 80 mm</translation>
    </message>
    <message>
        <source>Nobody is inside: there is no visit to print a pass for.</source>
        <translation>Không có ai đang ở trong: không có lượt vào nào để in thẻ khách.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>Mã PIN quản lý</translation>
    </message>
    <message>
        <source>Manager &amp;PIN</source>
        <translation>Mã &amp;PIN quản lý</translation>
    </message>
</context>
<context>
    <name>PinDialogs</name>
    <message>
        <source>No manager PIN has been set yet. Set one now: it will be asked before the settings open and before an ID number is shown in full.</source>
        <translation>Chưa đặt mã PIN quản lý. Hãy đặt ngay bây giờ: mã này sẽ được hỏi trước khi mở phần thiết lập và trước khi hiện đầy đủ một số giấy tờ.</translation>
    </message>
</context>
<context>
    <name>PosterTab</name>
    <message>
        <source>Checkpoint</source>
        <translation>Điểm kiểm soát</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <source>The unit&apos;s own checkpoint code</source>
        <translation>Mã điểm kiểm soát của chính đơn vị</translation>
    </message>
    <message>
        <source>A location code issued elsewhere (exact text):</source>
        <translation>Mã địa điểm do nơi khác cấp (đúng nguyên văn):</translation>
    </message>
    <message>
        <source>Paste the code&apos;s text here</source>
        <translation>Dán nội dung của mã vào đây</translation>
    </message>
    <message>
        <source>Read it from a photo of the old poster...</source>
        <translation>Đọc từ ảnh chụp áp phích cũ...</translation>
    </message>
    <message>
        <source>First poster of this checkpoint: version %1.</source>
        <translation>Áp phích đầu tiên của điểm kiểm soát này: phiên bản %1.</translation>
    </message>
    <message>
        <source>Changed since the last print: this will be version %1.</source>
        <translation>Đã thay đổi so với lần in trước: đây sẽ là phiên bản %1.</translation>
    </message>
    <message>
        <source>Unchanged since the last print: version %1 again.</source>
        <translation>Không đổi so với lần in trước: vẫn là phiên bản %1.</translation>
    </message>
    <message>
        <source>Photo of the old poster</source>
        <translation>Ảnh chụp áp phích cũ</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <source>Code read from the photo; check it before printing.</source>
        <translation>Đã đọc được mã từ ảnh; hãy kiểm tra lại trước khi in.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print the unit&apos;s codes</source>
        <translation>In mã của đơn vị</translation>
    </message>
    <message>
        <source>Checkpoint poster</source>
        <translation>Áp phích điểm kiểm soát</translation>
    </message>
    <message>
        <source>Staff cards</source>
        <translation>Thẻ nhân viên</translation>
    </message>
    <message>
        <source>Visitor pass</source>
        <translation>Thẻ khách</translation>
    </message>
    <message>
        <source>Pre&amp;view...</source>
        <translation>&amp;Xem trước...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;In...</translation>
    </message>
    <message>
        <source>Save as P&amp;DF...</source>
        <translation>Lưu thành P&amp;DF...</translation>
    </message>
    <message>
        <source>Save as P&amp;NG...</source>
        <translation>Lưu thành P&amp;NG...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Alias</source>
        <translation>Bí danh</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Thư mục tệp</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Lối tắt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Chọn tất cả</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Closes the dock widget</source>
        <translation>Đóng khung này</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Tách ra</translation>
    </message>
    <message>
        <source>Undocks and re-attaches the dock widget</source>
        <translation>Tách khung ra hoặc gắn lại</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn thay thế không?</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; đang được bảo vệ chống ghi.
Bạn vẫn muốn xóa?</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Bạn có chắc muốn xóa &apos;%1&apos; không?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Chuyển sang xem chi tiết</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Chuyển sang xem danh sách</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Tìm thư mục</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Xem danh sách</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Danh sách vị trí và dấu trang</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Vị trí gần đây</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Hiện </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa đổi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kiểu</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>Đồn&amp;g ý</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Đóng không lưu</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Nhập giá trị:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
    <message>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với &amp;tất cả</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với tất &amp;cả</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>Xuất ra PDF</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Trang đầu</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Khổ ngang</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Trang cuối</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <translation>Thiết lập trang</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation>Thiết lập trang</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Khổ dọc</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translation>Xem hai trang đối diện</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translation>Xem tổng quan mọi trang</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translation>Xem từng trang</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Bottom</source>
        <translation>Cuối</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Mép trái</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Xuống một trang</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Sang trái một trang</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Sang phải một trang</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Lên một trang</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Mép phải</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Cuộn xuống</translation>
    </message>
    <message>
        <source>Scroll here</source>
        <translation>Cuộn đến đây</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Cuộn sang trái</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Cuộn sang phải</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Cuộn lên</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Đầu</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Cuộn sang trái</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Cuộn sang phải</translation>
    </message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message>
        <source>Insert Unicode control character</source>
        <translation>Chèn ký tự điều khiển Unicode</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Tiếp</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Weekly report</source>
        <translation>Báo cáo tuần</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Khoảng thời gian</translation>
    </message>
    <message>
        <source>Week of the day</source>
        <translation>Tuần chứa ngày</translation>
    </message>
    <message>
        <source>From - to</source>
        <translation>Từ ngày - đến ngày</translation>
    </message>
    <message>
        <source>Report for</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Last full week</source>
        <translation>Tuần trước (trọn tuần)</translation>
    </message>
    <message>
        <source>This week up to now</source>
        <translation>Tuần này, đến hiện tại</translation>
    </message>
    <message>
        <source>A chosen week</source>
        <translation>Một tuần tự chọn</translation>
    </message>
    <message>
        <source>A range of days</source>
        <translation>Một khoảng ngày</translation>
    </message>
    <message>
        <source>Full ID numbers (asks for the manager PIN; recorded)</source>
        <translation>Số giấy tờ đầy đủ (cần mã PIN quản lý; có ghi nhật ký)</translation>
    </message>
    <message>
        <source>&amp;Export workbook...</source>
        <translation>&amp;Xuất tệp Excel...</translation>
    </message>
    <message>
        <source>&amp;Send by e-mail</source>
        <translation>&amp;Gửi qua thư điện tử</translation>
    </message>
    <message>
        <source>Save as .&amp;eml...</source>
        <translation>Lưu thành tệp .&amp;eml...</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Thử gửi lại ngay</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The range is too long (at most 366 days).</source>
        <translation>Khoảng thời gian quá dài (tối đa 366 ngày).</translation>
    </message>
    <message>
        <source>Report with full ID numbers</source>
        <translation>Báo cáo có số giấy tờ đầy đủ</translation>
    </message>
    <message>
        <source>Making the workbook...</source>
        <translation>Đang tạo tệp Excel...</translation>
    </message>
    <message>
        <source>Making the workbook and sending it...</source>
        <translation>Đang tạo tệp Excel và gửi đi...</translation>
    </message>
    <message>
        <source>Making the message...</source>
        <translation>Đang tạo thư...</translation>
    </message>
    <message>
        <source>Sending the waiting messages...</source>
        <translation>Đang gửi các thư đang chờ...</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the e-mail</source>
        <translation>Lưu thư</translation>
    </message>
    <message>
        <source>E-mail message (*.eml)</source>
        <translation>Thư điện tử (*.eml)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting in the outbox.</source>
        <translation>
            <numerusform>%n thư đang chờ gửi trong hộp thư đi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Lỗi gần nhất: %1</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Lỗi không mong muốn: %1</translation>
    </message>
</context>
<context>
    <name>ReportReminderBanner</name>
    <message>
        <source>The weekly report has not been sent yet this week.</source>
        <translation>Báo cáo tuần này chưa được gửi.</translation>
    </message>
    <message>
        <source>Open the &amp;report...</source>
        <translation>Mở &amp;báo cáo...</translation>
    </message>
</context>
<context>
    <name>ResultBanner</name>
    <message>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <source>Show a code to the camera or the scanner</source>
        <translation>Đưa mã vào trước camera hoặc máy quét</translation>
    </message>
    <message>
        <source>Ctrl+N: enter a visitor without a code</source>
        <translation>Ctrl+N: nhập khách không có mã</translation>
    </message>
    <message>
        <source>Already recorded a moment ago</source>
        <translation>Vừa được ghi nhận</translation>
    </message>
</context>
<context>
    <name>RollupDialog</name>
    <message>
        <source>Roll up the weekly reports</source>
        <translation>Tổng hợp báo cáo tuần</translation>
    </message>
    <message>
        <source>&amp;Register of points:</source>
        <translation>&amp;Danh sách điểm:</translation>
    </message>
    <message>
        <source>&amp;Folder of reports:</source>
        <translation>Thư &amp;mục báo cáo:</translation>
    </message>
    <message>
        <source>&amp;Week (any day of it):</source>
        <translation>T&amp;uần (một ngày bất kỳ trong tuần):</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>R&amp;oll up</source>
        <translation>Tổng &amp;hợp</translation>
    </message>
    <message>
        <source>Save the &amp;workbook…</source>
        <translation>Lưu &amp;bảng tính…</translation>
    </message>
    <message>
        <source>Save the &amp;letter…</source>
        <translation>Lưu &amp;công văn…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Files not counted:</source>
        <translation>Tệp không tính:</translation>
    </message>
    <message>
        <source>Register of points</source>
        <translation>Danh sách điểm</translation>
    </message>
    <message>
        <source>Register (*.csv *.xlsx)</source>
        <translation>Danh sách điểm (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Folder of reports</source>
        <translation>Thư mục báo cáo</translation>
    </message>
    <message>
        <source>Save the workbook</source>
        <translation>Lưu bảng tính</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Lưu công văn</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <source>Points: %1 · reported: %2 · reported zero: %3 · sent nothing: %4</source>
        <translation>Số điểm: %1 · có báo cáo: %2 · báo cáo bằng 0: %3 · không báo cáo: %4</translation>
    </message>
    <message>
        <source>Scans: %1 · previous week: %2 · change: %3 · by QR code: %4 %</source>
        <translation>Lượt quét: %1 · tuần trước: %2 · tăng/giảm: %3 · bằng mã QR: %4 %</translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <source>Not recorded</source>
        <translation>Chưa ghi được</translation>
    </message>
</context>
<context>
    <name>ScannerChoice</name>
    <message>
        <source>&amp;Baud rate</source>
        <translation>Tốc độ &amp;baud</translation>
    </message>
    <message>
        <source>Scanner p&amp;ort</source>
        <translation>Cổng &amp;máy quét</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Dò lại cổng</translation>
    </message>
    <message>
        <source>None (keyboard-mode scanner or no scanner)</source>
        <translation>Không có (máy quét chế độ bàn phím hoặc không dùng máy quét)</translation>
    </message>
    <message>
        <source>e.g. COM3 on Windows, /dev/ttyACM0 on Linux</source>
        <translation>ví dụ COM3 trên Windows, /dev/ttyACM0 trên Linux</translation>
    </message>
    <message>
        <source>A USB-COM (CDC) port ignores it; leave 9600</source>
        <translation>Cổng USB-COM (CDC) không dùng giá trị này; để 9600</translation>
    </message>
    <message>
        <source>Set a handheld scanner to USB-COM (CDC, virtual serial port) mode and choose its port here: Vietnamese names then arrive intact. A scanner in keyboard mode needs nothing here; set it to send Enter after each code.</source>
        <translation>Hãy đặt máy quét cầm tay ở chế độ USB-COM (CDC, cổng nối tiếp ảo) và chọn cổng của nó ở đây: tên tiếng Việt sẽ đến nguyên vẹn, đủ dấu. Máy quét ở chế độ bàn phím không cần chọn gì ở đây; hãy đặt nó gửi phím Enter sau mỗi mã.</translation>
    </message>
</context>
<context>
    <name>ScannerStatus</name>
    <message>
        <source>Scanner %1: connecting…</source>
        <translation>Máy quét %1: đang kết nối…</translation>
    </message>
    <message>
        <source>Scanner %1: connected</source>
        <translation>Máy quét %1: đã kết nối</translation>
    </message>
    <message>
        <source>Scanner %1: disconnected, reconnecting…</source>
        <translation>Máy quét %1: mất kết nối, đang kết nối lại…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Bàn tiếp đón</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>&amp;Lượt ra vào</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Đơn &amp;vị</translation>
    </message>
    <message>
        <source>&amp;Mail</source>
        <translation>&amp;Thư điện tử</translation>
    </message>
    <message>
        <source>&amp;Language and PIN</source>
        <translation>&amp;Ngôn ngữ và mã PIN</translation>
    </message>
    <message>
        <source>Desk &amp;name</source>
        <translation>&amp;Tên bàn tiếp đón</translation>
    </message>
    <message>
        <source>&amp;Checkpoint of this desk</source>
        <translation>Điểm &amp;kiểm soát của bàn này</translation>
    </message>
    <message>
        <source>C&amp;amera</source>
        <translation>&amp;Camera</translation>
    </message>
    <message>
        <source>&amp;Repeat window</source>
        <translation>Bỏ qua quét &amp;lặp trong</translation>
    </message>
    <message>
        <source>Default: the computer&apos;s name</source>
        <translation>Mặc định: tên máy tính</translation>
    </message>
    <message>
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <source>The same person scanned again within this time is not recorded twice</source>
        <translation>Cùng một người quét lại trong khoảng thời gian này thì không ghi hai lần</translation>
    </message>
    <message>
        <source>&amp;Play a short sound per scan</source>
        <translation>&amp;Phát âm báo ngắn sau mỗi lượt quét</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Mã PIN quản lý</translation>
    </message>
    <message>
        <source>&amp;Change the PIN…</source>
        <translation>Đổi &amp;mã PIN…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>Unit &amp;name *</source>
        <translation>&amp;Tên đơn vị *</translation>
    </message>
    <message>
        <source>Point c&amp;ode (given by the province)</source>
        <translation>&amp;Mã điểm (do tỉnh cấp)</translation>
    </message>
    <message>
        <source>Parent &amp;agency</source>
        <translation>Cơ quan &amp;chủ quản</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>&amp;Contact for personal data</source>
        <translation>&amp;Liên hệ về dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>&amp;Place name on documents</source>
        <translation>Địa danh ghi trên &amp;văn bản</translation>
    </message>
    <message>
        <source>e.g. People&apos;s Committee of Ward 1</source>
        <translation>ví dụ: UBND phường 1</translation>
    </message>
    <message>
        <source>e.g. People&apos;s Committee of the District</source>
        <translation>ví dụ: UBND thành phố</translation>
    </message>
    <message>
        <source>e.g. BKN-0123, printed on the report</source>
        <translation>ví dụ: BKN-0123, in trên báo cáo</translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation>Số điện thoại hoặc thư điện tử</translation>
    </message>
    <message>
        <source>e.g. Bắc Kạn</source>
        <translation>ví dụ: Bắc Kạn</translation>
    </message>
    <message>
        <source>C&amp;heckpoints *</source>
        <translation>Các điểm &amp;kiểm soát *</translation>
    </message>
    <message>
        <source>One entrance per line, e.g. Main gate</source>
        <translation>Mỗi dòng một lối vào, ví dụ: Cổng chính</translation>
    </message>
    <message>
        <source>Enter the unit&apos;s name.</source>
        <translation>Hãy nhập tên đơn vị.</translation>
    </message>
    <message>
        <source>The point code may hold letters, digits and . _ / - only, and must begin with a letter or a digit.</source>
        <translation>Mã điểm chỉ gồm chữ, số và . _ / -, và phải bắt đầu bằng chữ hoặc số.</translation>
    </message>
    <message>
        <source>Enter at least one checkpoint.</source>
        <translation>Hãy nhập ít nhất một điểm kiểm soát.</translation>
    </message>
    <message>
        <source>A checkpoint name is longer than %1 characters.</source>
        <translation>Có tên điểm kiểm soát dài quá %1 ký tự.</translation>
    </message>
</context>
<context>
    <name>VisitRulesForm</name>
    <message>
        <source>&amp;Closing time</source>
        <translation>&amp;Giờ đóng cửa</translation>
    </message>
    <message>
        <source>Check out everyone still inside at closing &amp;time</source>
        <translation>Tự động cho &amp;ra những người còn ở trong khi đến giờ đóng cửa</translation>
    </message>
    <message>
        <source>&amp;Keep visits for</source>
        <translation>&amp;Lưu lượt ra vào trong</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>Delete older visits &amp;automatically at start</source>
        <translation>Tự động &amp;xóa lượt ra vào cũ hơn khi khởi động</translation>
    </message>
    <message>
        <source>Visits hold personal data: keep them no longer than the unit needs. Every deletion is recorded.</source>
        <translation>Lượt ra vào chứa dữ liệu cá nhân: chỉ lưu trong thời gian đơn vị cần. Mỗi lần xóa đều được ghi lại.</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>In</source>
        <translation>Vào</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ra</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Loại mã</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Cách ghi</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Gặp ai</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>tự động</translation>
    </message>
</context>
<context>
    <name>VisitsPanel</name>
    <message>
        <source>Today&apos;s visits</source>
        <translation>Lượt ra vào hôm nay</translation>
    </message>
    <message>
        <source>Search by name, ID number, organisation, purpose… (Ctrl+F)</source>
        <translation>Tìm theo họ tên, số giấy tờ, đơn vị, mục đích… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search today&apos;s visits</source>
        <translation>Tìm lượt ra vào hôm nay</translation>
    </message>
</context>
</TS>
