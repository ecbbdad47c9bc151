<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About desk_app</source>
        <translation>About desk_app</translation>
    </message>
    <message>
        <source>Entry control at the desk. The details below help when asking for support.</source>
        <translation>Entry control at the desk. The details below help when asking for support.</translation>
    </message>
    <message>
        <source>Gathering the details…</source>
        <translation>Gathering the details…</translation>
    </message>
    <message>
        <source>&amp;Copy the details</source>
        <translation>&amp;Copy the details</translation>
    </message>
</context>
<context>
    <name>CameraChoice</name>
    <message>
        <source>e.g. 1, D:\video.mp4 or rtsp://…</source>
        <translation>e.g. 1, D:\video.mp4 or rtsp://…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Camera %1</translation>
    </message>
    <message>
        <source>Camera number, video file or stream address</source>
        <translation>Camera number, video file or stream address</translation>
    </message>
    <message>
        <source>Enter a camera number, a video file or an address.</source>
        <translation>Enter a camera number, a video file or an address.</translation>
    </message>
    <message>
        <source>Choose a video file</source>
        <translation>Choose a video file</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</source>
        <translation>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Opening the camera…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>Camera live: hold the code steady in front of it</source>
        <translation>Camera live: hold the code steady in front of it</translation>
    </message>
    <message>
        <source>Camera lost: reconnecting…</source>
        <translation>Camera lost: reconnecting…</translation>
    </message>
    <message>
        <source>Reconnecting to the camera…</source>
        <translation>Reconnecting to the camera…</translation>
    </message>
    <message>
        <source>The video has ended</source>
        <translation>The video has ended</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>Camera stopped</source>
        <translation>Camera stopped</translation>
    </message>
    <message>
        <source>The desk works without a camera too: choose another camera, play the demo feed, scan with a handheld scanner or type a visitor in.</source>
        <translation>The desk works without a camera too: choose another camera, play the demo feed, scan with a handheld scanner or type a visitor in.</translation>
    </message>
    <message>
        <source>Camera, video file or stream address</source>
        <translation>Camera, video file or stream address</translation>
    </message>
    <message>
        <source>Cameras found on this computer</source>
        <translation>Cameras found on this computer</translation>
    </message>
    <message>
        <source>Use this camera</source>
        <translation>Use this camera</translation>
    </message>
    <message>
        <source>Play the demo feed (Ctrl+D)</source>
        <translation>Play the demo feed (Ctrl+D)</translation>
    </message>
    <message>
        <source>Use a handheld scanner (F11)</source>
        <translation>Use a handheld scanner (F11)</translation>
    </message>
    <message>
        <source>Manual entry (Ctrl+N)</source>
        <translation>Manual entry (Ctrl+N)</translation>
    </message>
    <message>
        <source>Handheld scanner</source>
        <translation>Handheld scanner</translation>
    </message>
    <message>
        <source>Scan a code with the handheld scanner: it is recorded wherever the cursor is.</source>
        <translation>Scan a code with the handheld scanner: it is recorded wherever the cursor is.</translation>
    </message>
    <message>
        <source>Use a camera instead</source>
        <translation>Use a camera instead</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Camera preview</translation>
    </message>
</context>
<context>
    <name>CameraWorker</name>
    <message>
        <source>The camera stopped because of an internal error</source>
        <translation>The camera stopped because of an internal error</translation>
    </message>
    <message>
        <source>Opening {source}…</source>
        <translation>Opening {source}…</translation>
    </message>
    <message>
        <source>Cannot open {source}: {error}</source>
        <translation>Cannot open {source}: {error}</translation>
    </message>
    <message>
        <source>{message} Trying again in {seconds:g} s.</source>
        <translation>{message} Trying again in {seconds:g} s.</translation>
    </message>
    <message>
        <source>End of {source}</source>
        <translation>End of {source}</translation>
    </message>
    <message>
        <source>{source} stopped sending pictures</source>
        <translation>{source} stopped sending pictures</translation>
    </message>
    <message>
        <source>Reconnecting to {source}…</source>
        <translation>Reconnecting to {source}…</translation>
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
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Import list (CSV, XLSX)...</source>
        <translation>Import list (CSV, XLSX)...</translation>
    </message>
    <message>
        <source>Revoke card...</source>
        <translation>Revoke card...</translation>
    </message>
    <message>
        <source>Cards are printed for the staff selected in the list, or for every valid card when none is selected. A revoked card is refused at the desk.</source>
        <translation>Cards are printed for the staff selected in the list, or for every valid card when none is selected. A revoked card is refused at the desk.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>revoked %1</translation>
    </message>
    <message>
        <source>Staff list</source>
        <translation>Staff list</translation>
    </message>
    <message>
        <source>Staff lists (*.csv *.xlsx)</source>
        <translation>Staff lists (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Imported %1 staff; %2 bad rows.</source>
        <translation>Imported %1 staff; %2 bad rows.</translation>
    </message>
    <message>
        <source>Select the card to revoke in the list.</source>
        <translation>Select the card to revoke in the list.</translation>
    </message>
    <message>
        <source>Revoke card</source>
        <translation>Revoke card</translation>
    </message>
    <message>
        <source>Reason (for example: card lost)</source>
        <translation>Reason (for example: card lost)</translation>
    </message>
    <message>
        <source>Revoked: %1</source>
        <translation>Revoked: %1</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Direction: automatic</source>
        <translation>Direction: automatic</translation>
    </message>
    <message>
        <source>Every scan is an ENTRY</source>
        <translation>Every scan is an ENTRY</translation>
    </message>
    <message>
        <source>Every scan is an EXIT</source>
        <translation>Every scan is an EXIT</translation>
    </message>
    <message>
        <source>Manual entry…</source>
        <translation>Manual entry…</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Check out</translation>
    </message>
    <message>
        <source>Show full ID number…</source>
        <translation>Show full ID number…</translation>
    </message>
    <message>
        <source>Print codes…</source>
        <translation>Print codes…</translation>
    </message>
    <message>
        <source>Weekly report…</source>
        <translation>Weekly report…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Choose camera…</source>
        <translation>Choose camera…</translation>
    </message>
    <message>
        <source>Play the demo feed</source>
        <translation>Play the demo feed</translation>
    </message>
    <message>
        <source>Handheld scanner only</source>
        <translation>Handheld scanner only</translation>
    </message>
    <message>
        <source>Search visits</source>
        <translation>Search visits</translation>
    </message>
    <message>
        <source>Go to today&apos;s visits</source>
        <translation>Go to today&apos;s visits</translation>
    </message>
    <message>
        <source>Go to who is inside</source>
        <translation>Go to who is inside</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Roll up the weekly reports…</source>
        <translation>Roll up the weekly reports…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About desk_app…</source>
        <translation>About desk_app…</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>&amp;Scanning</source>
        <translation>&amp;Scanning</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main tools</source>
        <translation>Main tools</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>Entry control</source>
        <translation>Entry control</translation>
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <source>Select a visit with an ID number first</source>
        <translation>Select a visit with an ID number first</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up the desk</source>
        <translation>Set up the desk</translation>
    </message>
    <message>
        <source>Your unit</source>
        <translation>Your unit</translation>
    </message>
    <message>
        <source>These details are printed on the unit&apos;s QR poster and the weekly report.</source>
        <translation>These details are printed on the unit&apos;s QR poster and the weekly report.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>When the desk closes and how long the log keeps each visit.</source>
        <translation>When the desk closes and how long the log keeps each visit.</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Only the unit&apos;s manager should know it.</source>
        <translation>Only the unit&apos;s manager should know it.</translation>
    </message>
    <message>
        <source>Handheld scanner</source>
        <translation>Handheld scanner</translation>
    </message>
    <message>
        <source>Only for a scanner in USB-COM (serial) mode; otherwise just click Finish.</source>
        <translation>Only for a scanner in USB-COM (serial) mode; otherwise just click Finish.</translation>
    </message>
    <message>
        <source>The PIN is asked before the settings open and before an ID number is shown in full. After three wrong PINs the desk makes you wait.</source>
        <translation>The PIN is asked before the settings open and before an ID number is shown in full. After three wrong PINs the desk makes you wait.</translation>
    </message>
</context>
<context>
    <name>InsidePanel</name>
    <message>
        <source>Inside now</source>
        <translation>Inside now</translation>
    </message>
    <message>
        <source>Entries today</source>
        <translation>Entries today</translation>
    </message>
    <message>
        <source>Exits today</source>
        <translation>Exits today</translation>
    </message>
    <message>
        <source>Who is inside</source>
        <translation>Who is inside</translation>
    </message>
    <message>
        <source>Check out (F8)</source>
        <translation>Check out (F8)</translation>
    </message>
    <message>
        <source>Record that the selected person left (F8)</source>
        <translation>Record that the selected person left (F8)</translation>
    </message>
</context>
<context>
    <name>MailForm</name>
    <message>
        <source>SMTP &amp;server</source>
        <translation>SMTP &amp;server</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <source>Se&amp;curity</source>
        <translation>Se&amp;curity</translation>
    </message>
    <message>
        <source>User &amp;name</source>
        <translation>User &amp;name</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>S&amp;ender address</source>
        <translation>S&amp;ender address</translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation>&amp;Recipients</translation>
    </message>
    <message>
        <source>Report &amp;reminder day</source>
        <translation>Report &amp;reminder day</translation>
    </message>
    <message>
        <source>Reminder &amp;from</source>
        <translation>Reminder &amp;from</translation>
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
        <translation>None (not encrypted)</translation>
    </message>
    <message>
        <source>One address per line</source>
        <translation>One address per line</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>This computer has no password store, so the mail password cannot be saved. The report will ask for it when it is sent.</source>
        <translation>This computer has no password store, so the mail password cannot be saved. The report will ask for it when it is sent.</translation>
    </message>
    <message>
        <source>Saved: type a new one to replace it</source>
        <translation>Saved: type a new one to replace it</translation>
    </message>
    <message>
        <source>Kept in the system&apos;s password store, never in the log database.</source>
        <translation>Kept in the system&apos;s password store, never in the log database.</translation>
    </message>
    <message>
        <source>The sender address is not an e-mail address.</source>
        <translation>The sender address is not an e-mail address.</translation>
    </message>
    <message>
        <source>Not an e-mail address: %1</source>
        <translation>Not an e-mail address: %1</translation>
    </message>
    <message>
        <source>The password store refused the password; nothing was saved.</source>
        <translation>The password store refused the password; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Entry control</source>
        <translation>Entry control</translation>
    </message>
</context>
<context>
    <name>ManagerActions</name>
    <message>
        <source>Show a full ID number</source>
        <translation>Show a full ID number</translation>
    </message>
    <message>
        <source>Full ID number</source>
        <translation>Full ID number</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>Open the settings</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Birth date: use DD/MM/YYYY</source>
        <translation>Birth date: use DD/MM/YYYY</translation>
    </message>
    <message>
        <source>Manual entry</source>
        <translation>Manual entry</translation>
    </message>
    <message>
        <source>For a visitor without a code. Only the name is required.</source>
        <translation>For a visitor without a code. Only the name is required.</translation>
    </message>
    <message>
        <source>Full name *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Visiting</source>
        <translation>Visiting</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <source>9 or 12 digits, or a passport</source>
        <translation>9 or 12 digits, or a passport</translation>
    </message>
</context>
<context>
    <name>NewPinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
</context>
<context>
    <name>NewPinForm</name>
    <message>
        <source>New &amp;PIN (6 to 8 digits)</source>
        <translation>New &amp;PIN (6 to 8 digits)</translation>
    </message>
    <message>
        <source>&amp;Repeat the PIN</source>
        <translation>&amp;Repeat the PIN</translation>
    </message>
</context>
<context>
    <name>PassTab</name>
    <message>
        <source>Visitor inside</source>
        <translation>Visitor inside</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>A6 label</source>
        <translation>A6 label</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>80 mm receipt</translation>
    </message>
    <message>
        <source>Nobody is inside: there is no visit to print a pass for.</source>
        <translation>Nobody is inside: there is no visit to print a pass for.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Manager &amp;PIN</source>
        <translation>Manager &amp;PIN</translation>
    </message>
</context>
<context>
    <name>PinDialogs</name>
    <message>
        <source>No manager PIN has been set yet. Set one now: it will be asked before the settings open and before an ID number is shown in full.</source>
        <translation>No manager PIN has been set yet. Set one now: it will be asked before the settings open and before an ID number is shown in full.</translation>
    </message>
</context>
<context>
    <name>PosterTab</name>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>The unit&apos;s own checkpoint code</source>
        <translation>The unit&apos;s own checkpoint code</translation>
    </message>
    <message>
        <source>A location code issued elsewhere (exact text):</source>
        <translation>A location code issued elsewhere (exact text):</translation>
    </message>
    <message>
        <source>Paste the code&apos;s text here</source>
        <translation>Paste the code&apos;s text here</translation>
    </message>
    <message>
        <source>Read it from a photo of the old poster...</source>
        <translation>Read it from a photo of the old poster...</translation>
    </message>
    <message>
        <source>First poster of this checkpoint: version %1.</source>
        <translation>First poster of this checkpoint: version %1.</translation>
    </message>
    <message>
        <source>Changed since the last print: this will be version %1.</source>
        <translation>Changed since the last print: this will be version %1.</translation>
    </message>
    <message>
        <source>Unchanged since the last print: version %1 again.</source>
        <translation>Unchanged since the last print: version %1 again.</translation>
    </message>
    <message>
        <source>Photo of the old poster</source>
        <translation>Photo of the old poster</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <source>Code read from the photo; check it before printing.</source>
        <translation>Code read from the photo; check it before printing.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print the unit&apos;s codes</source>
        <translation>Print the unit&apos;s codes</translation>
    </message>
    <message>
        <source>Checkpoint poster</source>
        <translation>Checkpoint poster</translation>
    </message>
    <message>
        <source>Staff cards</source>
        <translation>Staff cards</translation>
    </message>
    <message>
        <source>Visitor pass</source>
        <translation>Visitor pass</translation>
    </message>
    <message>
        <source>Pre&amp;view...</source>
        <translation>Pre&amp;view...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Print...</translation>
    </message>
    <message>
        <source>Save as P&amp;DF...</source>
        <translation>Save as P&amp;DF...</translation>
    </message>
    <message>
        <source>Save as P&amp;NG...</source>
        <translation>Save as P&amp;NG...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>File Folder</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Select All</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Step up</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>Step &amp;down</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Closes the dock widget</source>
        <translation>Closes the dock widget</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Float</translation>
    </message>
    <message>
        <source>Undocks and re-attaches the dock widget</source>
        <translation>Undocks and re-attaches the dock widget</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Directory not found.
Please verify the correct directory name was given.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
File not found.
Please verify the correct file name was given.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 already exists.
Do you want to replace it?</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Choose</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;New Folder</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>All Files (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
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
        <translation>Are you sure you want to delete &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Change to detail view mode</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Change to list view mode</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Could not delete directory.</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Create New Folder</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Create a New Folder</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Detail View</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Directories</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Directory:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>File &amp;name:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Find Directory</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Go forward</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Go to the parent directory</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>List View</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>List of places and bookmarks</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>New Folder</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Parent Directory</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Recent Places</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Show </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Show &amp;hidden files</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Sidebar</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Date Modified</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>My Computer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Close without Saving</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Enter a value:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Select All</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Hide Details...</source>
        <translation>Hide Details...</translation>
    </message>
    <message>
        <source>Show Details...</source>
        <translation>Show Details...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abort</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;o to All</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Restore Defaults</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Save All</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Yes to &amp;All</translation>
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
        <translation>Export to PDF</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>First page</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Last page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <translation>Page Setup</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation>Page setup</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Print Preview</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translation>Show facing pages</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translation>Show overview of all pages</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translation>Show single page</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Bottom</source>
        <translation>Bottom</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Left edge</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Page down</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Page left</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Page right</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Page up</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Right edge</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Scroll down</translation>
    </message>
    <message>
        <source>Scroll here</source>
        <translation>Scroll here</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Scroll left</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Scroll right</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Scroll up</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Top</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Scroll Left</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Scroll Right</translation>
    </message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message>
        <source>Insert Unicode control character</source>
        <translation>Insert Unicode control character</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Copy &amp;Link Location</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Select All</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Go Back</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Weekly report</source>
        <translation>Weekly report</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Week of the day</source>
        <translation>Week of the day</translation>
    </message>
    <message>
        <source>From - to</source>
        <translation>From - to</translation>
    </message>
    <message>
        <source>Report for</source>
        <translation>Report for</translation>
    </message>
    <message>
        <source>Last full week</source>
        <translation>Last full week</translation>
    </message>
    <message>
        <source>This week up to now</source>
        <translation>This week up to now</translation>
    </message>
    <message>
        <source>A chosen week</source>
        <translation>A chosen week</translation>
    </message>
    <message>
        <source>A range of days</source>
        <translation>A range of days</translation>
    </message>
    <message>
        <source>Full ID numbers (asks for the manager PIN; recorded)</source>
        <translation>Full ID numbers (asks for the manager PIN; recorded)</translation>
    </message>
    <message>
        <source>&amp;Export workbook...</source>
        <translation>&amp;Export workbook...</translation>
    </message>
    <message>
        <source>&amp;Send by e-mail</source>
        <translation>&amp;Send by e-mail</translation>
    </message>
    <message>
        <source>Save as .&amp;eml...</source>
        <translation>Save as .&amp;eml...</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Retry now</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The range is too long (at most 366 days).</source>
        <translation>The range is too long (at most 366 days).</translation>
    </message>
    <message>
        <source>Report with full ID numbers</source>
        <translation>Report with full ID numbers</translation>
    </message>
    <message>
        <source>Making the workbook...</source>
        <translation>Making the workbook...</translation>
    </message>
    <message>
        <source>Making the workbook and sending it...</source>
        <translation>Making the workbook and sending it...</translation>
    </message>
    <message>
        <source>Making the message...</source>
        <translation>Making the message...</translation>
    </message>
    <message>
        <source>Sending the waiting messages...</source>
        <translation>Sending the waiting messages...</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the e-mail</source>
        <translation>Save the e-mail</translation>
    </message>
    <message>
        <source>E-mail message (*.eml)</source>
        <translation>E-mail message (*.eml)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting in the outbox.</source>
        <translation>
            <numerusform>%n message waiting in the outbox.</numerusform>
            <numerusform>%n messages waiting in the outbox.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
</context>
<context>
    <name>ReportReminderBanner</name>
    <message>
        <source>The weekly report has not been sent yet this week.</source>
        <translation>The weekly report has not been sent yet this week.</translation>
    </message>
    <message>
        <source>Open the &amp;report...</source>
        <translation>Open the &amp;report...</translation>
    </message>
</context>
<context>
    <name>ResultBanner</name>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Show a code to the camera or the scanner</source>
        <translation>Show a code to the camera or the scanner</translation>
    </message>
    <message>
        <source>Ctrl+N: enter a visitor without a code</source>
        <translation>Ctrl+N: enter a visitor without a code</translation>
    </message>
    <message>
        <source>Already recorded a moment ago</source>
        <translation>Already recorded a moment ago</translation>
    </message>
</context>
<context>
    <name>RollupDialog</name>
    <message>
        <source>Roll up the weekly reports</source>
        <translation>Roll up the weekly reports</translation>
    </message>
    <message>
        <source>&amp;Register of points:</source>
        <translation>&amp;Register of points:</translation>
    </message>
    <message>
        <source>&amp;Folder of reports:</source>
        <translation>&amp;Folder of reports:</translation>
    </message>
    <message>
        <source>&amp;Week (any day of it):</source>
        <translation>&amp;Week (any day of it):</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>R&amp;oll up</source>
        <translation>R&amp;oll up</translation>
    </message>
    <message>
        <source>Save the &amp;workbook…</source>
        <translation>Save the &amp;workbook…</translation>
    </message>
    <message>
        <source>Save the &amp;letter…</source>
        <translation>Save the &amp;letter…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Files not counted:</source>
        <translation>Files not counted:</translation>
    </message>
    <message>
        <source>Register of points</source>
        <translation>Register of points</translation>
    </message>
    <message>
        <source>Register (*.csv *.xlsx)</source>
        <translation>Register (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Folder of reports</source>
        <translation>Folder of reports</translation>
    </message>
    <message>
        <source>Save the workbook</source>
        <translation>Save the workbook</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Save the letter</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Points: %1 · reported: %2 · reported zero: %3 · sent nothing: %4</source>
        <translation>Points: %1 · reported: %2 · reported zero: %3 · sent nothing: %4</translation>
    </message>
    <message>
        <source>Scans: %1 · previous week: %2 · change: %3 · by QR code: %4 %</source>
        <translation>Scans: %1 · previous week: %2 · change: %3 · by QR code: %4 %</translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
</context>
<context>
    <name>ScannerChoice</name>
    <message>
        <source>&amp;Baud rate</source>
        <translation>&amp;Baud rate</translation>
    </message>
    <message>
        <source>Scanner p&amp;ort</source>
        <translation>Scanner p&amp;ort</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>None (keyboard-mode scanner or no scanner)</source>
        <translation>None (keyboard-mode scanner or no scanner)</translation>
    </message>
    <message>
        <source>e.g. COM3 on Windows, /dev/ttyACM0 on Linux</source>
        <translation>e.g. COM3 on Windows, /dev/ttyACM0 on Linux</translation>
    </message>
    <message>
        <source>A USB-COM (CDC) port ignores it; leave 9600</source>
        <translation>A USB-COM (CDC) port ignores it; leave 9600</translation>
    </message>
    <message>
        <source>Set a handheld scanner to USB-COM (CDC, virtual serial port) mode and choose its port here: Vietnamese names then arrive intact. A scanner in keyboard mode needs nothing here; set it to send Enter after each code.</source>
        <translation>Set a handheld scanner to USB-COM (CDC, virtual serial port) mode and choose its port here: Vietnamese names then arrive intact. A scanner in keyboard mode needs nothing here; set it to send Enter after each code.</translation>
    </message>
</context>
<context>
    <name>ScannerStatus</name>
    <message>
        <source>Scanner %1: connecting…</source>
        <translation>Scanner %1: connecting…</translation>
    </message>
    <message>
        <source>Scanner %1: connected</source>
        <translation>Scanner %1: connected</translation>
    </message>
    <message>
        <source>Scanner %1: disconnected, reconnecting…</source>
        <translation>Scanner %1: disconnected, reconnecting…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>&amp;Visits</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>&amp;Mail</source>
        <translation>&amp;Mail</translation>
    </message>
    <message>
        <source>&amp;Language and PIN</source>
        <translation>&amp;Language and PIN</translation>
    </message>
    <message>
        <source>Desk &amp;name</source>
        <translation>Desk &amp;name</translation>
    </message>
    <message>
        <source>&amp;Checkpoint of this desk</source>
        <translation>&amp;Checkpoint of this desk</translation>
    </message>
    <message>
        <source>C&amp;amera</source>
        <translation>C&amp;amera</translation>
    </message>
    <message>
        <source>&amp;Repeat window</source>
        <translation>&amp;Repeat window</translation>
    </message>
    <message>
        <source>Default: the computer&apos;s name</source>
        <translation>Default: the computer&apos;s name</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The same person scanned again within this time is not recorded twice</source>
        <translation>The same person scanned again within this time is not recorded twice</translation>
    </message>
    <message>
        <source>&amp;Play a short sound per scan</source>
        <translation>&amp;Play a short sound per scan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>&amp;Change the PIN…</source>
        <translation>&amp;Change the PIN…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>Unit &amp;name *</source>
        <translation>Unit &amp;name *</translation>
    </message>
    <message>
        <source>Point c&amp;ode (given by the province)</source>
        <translation>Point c&amp;ode (given by the province)</translation>
    </message>
    <message>
        <source>Parent &amp;agency</source>
        <translation>Parent &amp;agency</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <source>&amp;Contact for personal data</source>
        <translation>&amp;Contact for personal data</translation>
    </message>
    <message>
        <source>&amp;Place name on documents</source>
        <translation>&amp;Place name on documents</translation>
    </message>
    <message>
        <source>e.g. People&apos;s Committee of Ward 1</source>
        <translation>e.g. People&apos;s Committee of Ward 1</translation>
    </message>
    <message>
        <source>e.g. People&apos;s Committee of the District</source>
        <translation>e.g. People&apos;s Committee of the District</translation>
    </message>
    <message>
        <source>e.g. BKN-0123, printed on the report</source>
        <translation>e.g. BKN-0123, printed on the report</translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation>Phone or e-mail</translation>
    </message>
    <message>
        <source>e.g. Bắc Kạn</source>
        <translation>e.g. Bắc Kạn</translation>
    </message>
    <message>
        <source>C&amp;heckpoints *</source>
        <translation>C&amp;heckpoints *</translation>
    </message>
    <message>
        <source>One entrance per line, e.g. Main gate</source>
        <translation>One entrance per line, e.g. Main gate</translation>
    </message>
    <message>
        <source>Enter the unit&apos;s name.</source>
        <translation>Enter the unit&apos;s name.</translation>
    </message>
    <message>
        <source>The point code may hold letters, digits and . _ / - only, and must begin with a letter or a digit.</source>
        <translation>The point code may hold letters, digits and . _ / - only, and must begin with a letter or a digit.</translation>
    </message>
    <message>
        <source>Enter at least one checkpoint.</source>
        <translation>Enter at least one checkpoint.</translation>
    </message>
    <message>
        <source>A checkpoint name is longer than %1 characters.</source>
        <translation>A checkpoint name is longer than %1 characters.</translation>
    </message>
</context>
<context>
    <name>VisitRulesForm</name>
    <message>
        <source>&amp;Closing time</source>
        <translation>&amp;Closing time</translation>
    </message>
    <message>
        <source>Check out everyone still inside at closing &amp;time</source>
        <translation>Check out everyone still inside at closing &amp;time</translation>
    </message>
    <message>
        <source>&amp;Keep visits for</source>
        <translation>&amp;Keep visits for</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Delete older visits &amp;automatically at start</source>
        <translation>Delete older visits &amp;automatically at start</translation>
    </message>
    <message>
        <source>Visits hold personal data: keep them no longer than the unit needs. Every deletion is recorded.</source>
        <translation>Visits hold personal data: keep them no longer than the unit needs. Every deletion is recorded.</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
</context>
<context>
    <name>VisitsPanel</name>
    <message>
        <source>Today&apos;s visits</source>
        <translation>Today&apos;s visits</translation>
    </message>
    <message>
        <source>Search by name, ID number, organisation, purpose… (Ctrl+F)</source>
        <translation>Search by name, ID number, organisation, purpose… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search today&apos;s visits</source>
        <translation>Search today&apos;s visits</translation>
    </message>
</context>
</TS>
