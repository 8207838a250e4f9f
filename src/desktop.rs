//! Desktop integration (`dateline install-desktop`): puts Dateline in the desktop's
//! application menu for the current user, following the freedesktop.org Desktop Entry and
//! Icon Theme specifications. The `.desktop` file and the icons are embedded in the binary,
//! so the command works from a lone executable.
//!
//! Files written, under `$XDG_DATA_HOME` (default `~/.local/share`):
//! `applications/dateline.desktop` with `Exec` set to the running binary's absolute path, and
//! `icons/hicolor/NxN/apps/dateline.png` for every embedded size. Each is written atomically.
//! System-wide installation is the Debian package's job (`cargo deb`, see Cargo.toml).

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::export::write_atomic;

/// The desktop entry as shipped (`Exec=dateline %F`); [`desktop_entry`] points it at a binary.
pub const DESKTOP_ENTRY: &str = include_str!("../assets/dateline.desktop");

/// The application icon in every size shipped, as (pixels, PNG bytes).
pub const ICONS: &[(u32, &[u8])] = &[
    (16, include_bytes!("../assets/icons/hicolor/16x16/apps/dateline.png")),
    (32, include_bytes!("../assets/icons/hicolor/32x32/apps/dateline.png")),
    (48, include_bytes!("../assets/icons/hicolor/48x48/apps/dateline.png")),
    (64, include_bytes!("../assets/icons/hicolor/64x64/apps/dateline.png")),
    (128, include_bytes!("../assets/icons/hicolor/128x128/apps/dateline.png")),
    (256, include_bytes!("../assets/icons/hicolor/256x256/apps/dateline.png")),
    (512, include_bytes!("../assets/icons/hicolor/512x512/apps/dateline.png")),
];

/// The base folder for user data files: `$XDG_DATA_HOME` when set to an absolute path
/// (the spec says relative values are ignored), else `$HOME/.local/share`.
pub fn data_home() -> Result<PathBuf, Error> {
    if let Some(x) = std::env::var_os("XDG_DATA_HOME") {
        let p = PathBuf::from(x);
        if p.is_absolute() {
            return Ok(p);
        }
    }
    match std::env::var_os("HOME") {
        Some(h) if !h.is_empty() => Ok(PathBuf::from(h).join(".local").join("share")),
        _ => Err(Error::Usage("cannot find the user's data folder: neither XDG_DATA_HOME nor HOME is set".into())),
    }
}

/// Where the desktop entry goes under a data home.
pub fn desktop_path(data_home: &Path) -> PathBuf {
    data_home.join("applications").join("dateline.desktop")
}

/// Where the icon of `size` pixels goes under a data home.
pub fn icon_path(data_home: &Path, size: u32) -> PathBuf {
    data_home.join("icons").join("hicolor").join(format!("{size}x{size}")).join("apps").join("dateline.png")
}

/// Quote a program path for an `Exec` key. Per the Desktop Entry spec the argument is put in
/// double quotes with `"`, `` ` ``, `$` and `\` backslash-escaped; then the string-value escape
/// rule doubles every backslash; `%` becomes `%%` (field codes). Paths with line breaks or
/// control characters cannot be written and are refused.
pub fn quote_exec_arg(arg: &str) -> Result<String, Error> {
    if arg.chars().any(char::is_control) {
        return Err(Error::Usage(format!("the program path {arg:?} contains a control character; it cannot go in a desktop file")));
    }
    let mut quoted = String::with_capacity(arg.len() + 2);
    for c in arg.chars() {
        match c {
            '"' | '`' | '$' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            _ => quoted.push(c),
        }
    }
    // String-level escape (applied by readers before unquoting), then field-code escape.
    let escaped = quoted.replace('\\', "\\\\").replace('%', "%%");
    Ok(format!("\"{escaped}\""))
}

/// The desktop entry with `Exec` running `exe` (an absolute path) on the files dropped on it.
pub fn desktop_entry(exe: &Path) -> Result<String, Error> {
    let exe_str = exe
        .to_str()
        .ok_or_else(|| Error::Usage(format!("the program path {} is not valid UTF-8; it cannot go in a desktop file", exe.display())))?;
    if !exe.is_absolute() {
        return Err(Error::Usage(format!("the program path {exe_str} is not absolute")));
    }
    let exec = format!("Exec={} %F", quote_exec_arg(exe_str)?);
    let mut out = String::with_capacity(DESKTOP_ENTRY.len() + exe_str.len());
    let mut replaced = false;
    for line in DESKTOP_ENTRY.lines() {
        if line.starts_with("Exec=") && !replaced {
            out.push_str(&exec);
            replaced = true;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    if !replaced {
        return Err(Error::Usage("the embedded desktop entry has no Exec line".into()));
    }
    Ok(out)
}

fn create_parent(path: &Path) -> Result<(), Error> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    }
    Ok(())
}

/// Install the desktop entry and icons under `data_home` for the program `exe`. Returns the
/// files written. Re-running replaces them (so a moved binary is picked up).
pub fn install(data_home: &Path, exe: &Path) -> Result<Vec<PathBuf>, Error> {
    let entry = desktop_entry(exe)?;
    let mut written = Vec::new();
    for &(size, png) in ICONS {
        let p = icon_path(data_home, size);
        create_parent(&p)?;
        write_atomic(&p, png)?;
        written.push(p);
    }
    let d = desktop_path(data_home);
    create_parent(&d)?;
    write_atomic(&d, entry.as_bytes())?;
    written.push(d);
    // Icon theme caches and menus notice new files by the folder's modification time;
    // writing the files above already updated it.
    Ok(written)
}

/// Remove what [`install`] wrote under `data_home`. Returns the files removed; files already
/// gone are not an error. Folders are left in place (other applications share them).
pub fn uninstall(data_home: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut removed = Vec::new();
    let mut paths = vec![desktop_path(data_home)];
    paths.extend(ICONS.iter().map(|&(size, _)| icon_path(data_home, size)));
    for p in paths {
        match std::fs::remove_file(&p) {
            Ok(()) => removed.push(p),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(Error::Io { path: p, source }),
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_quoting_follows_the_spec() -> Result<(), Error> {
        assert_eq!(quote_exec_arg("/usr/bin/dateline")?, "\"/usr/bin/dateline\"");
        assert_eq!(quote_exec_arg("/opt/My Apps/dateline")?, "\"/opt/My Apps/dateline\"");
        // A literal $ is \$ after quoting, then \\$ after the string escape.
        assert_eq!(quote_exec_arg("/x/$HOME")?, "\"/x/\\\\$HOME\"");
        // A literal backslash needs four.
        assert_eq!(quote_exec_arg("/x\\y")?, "\"/x\\\\\\\\y\"");
        assert_eq!(quote_exec_arg("/x/100%")?, "\"/x/100%%\"");
        assert!(quote_exec_arg("/x\ny").is_err());
        Ok(())
    }

    #[test]
    fn entry_points_at_the_binary() -> Result<(), Error> {
        let e = desktop_entry(Path::new("/home/a b/bin/dateline"))?;
        assert!(e.contains("\nExec=\"/home/a b/bin/dateline\" %F\n"), "{e}");
        assert_eq!(e.matches("Exec=").count(), 1);
        assert!(desktop_entry(Path::new("relative/dateline")).is_err());
        Ok(())
    }

    #[test]
    fn icons_are_png_of_every_size() {
        assert_eq!(ICONS.len(), 7);
        for (size, png) in ICONS {
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{size}");
            let w = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
            assert_eq!(w, *size);
        }
    }
}
