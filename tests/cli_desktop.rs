//! `dateline install-desktop`: the real binary installs a desktop entry and icons into
//! $XDG_DATA_HOME, the entry runs this binary and passes `desktop-file-validate` (when that
//! tool is installed), and `--uninstall` removes every file again.

use std::path::Path;
use std::process::Command;

const SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];

fn run(data_home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env("XDG_DATA_HOME", data_home)
        // Never touch the real home, whatever the code does with HOME.
        .env("HOME", data_home)
        .output()
        .unwrap_or_else(|e| panic!("cannot run dateline: {e}"))
}

fn icon(data_home: &Path, n: u32) -> std::path::PathBuf {
    data_home.join(format!("icons/hicolor/{n}x{n}/apps/dateline.png"))
}

#[test]
fn install_validate_uninstall() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let home = tmp.path();
    let o = run(home, &["install-desktop"]);
    assert!(o.status.success(), "install failed: {}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);

    let entry_path = home.join("applications/dateline.desktop");
    assert!(entry_path.is_file());
    assert!(stdout.contains(&entry_path.display().to_string()), "{stdout}");
    for n in SIZES {
        let p = icon(home, n);
        let png = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(u32::from_be_bytes([png[16], png[17], png[18], png[19]]), n, "{}", p.display());
        assert!(stdout.contains(&p.display().to_string()));
    }

    // Exec runs this very binary, quoted, with the files dropped on it.
    let entry = std::fs::read_to_string(&entry_path).unwrap_or_default();
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_dateline")).unwrap_or_else(|e| panic!("{e}"));
    let exec = entry.lines().find(|l| l.starts_with("Exec=")).unwrap_or_default();
    assert_eq!(exec, format!("Exec=\"{}\" %F", exe.display()), "{entry}");
    for key in ["Type=Application", "Name=Dateline", "Icon=dateline", "Terminal=false", "StartupWMClass=dateline"] {
        assert!(entry.lines().any(|l| l == key), "missing {key}");
    }

    match Command::new("desktop-file-validate").arg(&entry_path).output() {
        Ok(v) => {
            let out = format!("{}{}", String::from_utf8_lossy(&v.stdout), String::from_utf8_lossy(&v.stderr));
            assert!(v.status.success(), "desktop-file-validate failed:\n{out}");
            assert!(!out.contains("error:"), "desktop-file-validate:\n{out}");
        }
        Err(_) => eprintln!("skipping desktop-file-validate: not installed (Debian package desktop-file-utils)"),
    }

    // Installing again replaces the files and leaves no temporary files behind.
    assert!(run(home, &["install-desktop"]).status.success());
    let leftovers: Vec<_> = std::fs::read_dir(home.join("applications"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .filter(|n| n != "dateline.desktop")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let o = run(home, &["install-desktop", "--uninstall"]);
    assert!(o.status.success(), "uninstall failed: {}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("removed"));
    assert!(!entry_path.exists());
    for n in SIZES {
        assert!(!icon(home, n).exists());
    }
    // Uninstalling twice is not an error.
    let o = run(home, &["install-desktop", "--uninstall"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("nothing to remove"));
}

#[test]
fn library_install_uses_the_given_exe_and_home() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let exe = Path::new("/opt/Date Line/bin/dateline");
    let files = dateline::desktop::install(tmp.path(), exe).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(files.len(), 8);
    let entry = std::fs::read_to_string(tmp.path().join("applications/dateline.desktop")).unwrap_or_default();
    assert!(entry.contains("Exec=\"/opt/Date Line/bin/dateline\" %F"), "{entry}");
    let removed = dateline::desktop::uninstall(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(removed.len(), 8);
}
