"""Messages of the decoder and the image, video and camera sources."""

MESSAGES: dict[str, dict[str, str]] = {
    "scan.camera_unavailable": {
        "vi": "Không mở được camera số {index}. Hãy kiểm tra dây cắm và chương trình khác có "
        "đang dùng camera không.",
        "en": "Cannot open camera {index}. Check the cable and whether another program is "
        "using the camera.",
    },
    "scan.stream_unavailable": {
        "vi": "Không kết nối được camera mạng {url}.",
        "en": "Cannot connect to the network camera {url}.",
    },
    "scan.video_unreadable": {
        "vi": "Không đọc được tệp video {path}.",
        "en": "Cannot read the video file {path}.",
    },
    "scan.folder_unreadable": {
        "vi": "Không đọc được thư mục {path}: {message}",
        "en": "Cannot read the folder {path}: {message}",
    },
    "scan.folder_empty": {
        "vi": "Thư mục {path} không có ảnh nào.",
        "en": "The folder {path} holds no images.",
    },
    "scan.no_source": {"vi": "Chưa chọn camera.", "en": "No camera was chosen."},
    "scan.source_missing": {"vi": "Không tìm thấy {path}.", "en": "{path} does not exist."},
    "scan.is_folder": {
        "vi": "{path} là một thư mục: hãy chỉ ra các tệp ảnh hoặc video trong đó.",
        "en": "{path} is a folder: name the picture or video files in it.",
    },
    "scan.not_a_file": {
        "vi": "{path} không phải là một tệp (thiết bị hoặc ống dẫn): không đọc.",
        "en": "{path} is not a file (a device or a pipe): not read.",
    },
    "scan.camera_name": {"vi": "Camera {index}", "en": "Camera {index}"},
    "scan.file_unreadable": {
        "vi": "Không đọc được {path}: không phải ảnh hay video, hoặc tệp bị hỏng.",
        "en": "Cannot read {path}: not an image or a video, or the file is damaged.",
    },
    "scan.files_failed": {
        "vi": "{count} tệp không đọc được.",
        "en": "{count} file(s) could not be read.",
    },
    "scan.image_too_large": {
        "vi": "Ảnh {path} quá lớn ({width} x {height} điểm ảnh, tối đa {limit} triệu): "
        "không đọc. Hãy chụp lại hoặc thu nhỏ ảnh.",
        "en": "The picture {path} is too large ({width} x {height} pixels, at most "
        "{limit} million): not read. Take it again or make it smaller.",
    },
    "scan.file_too_large": {
        "vi": "Tệp ảnh {path} quá lớn ({size} MB, tối đa {limit} MB): không đọc. "
        "Hãy lưu lại ảnh dưới dạng PNG hoặc JPEG.",
        "en": "The picture file {path} is too large ({size} MB, at most {limit} MB): not "
        "read. Save the picture again as PNG or JPEG.",
    },
}
