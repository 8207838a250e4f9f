//! End to end: start the real `dateline` binary under Xvfb with
//! `DATELINE_SCREENSHOT_AND_EXIT=<png>`, and check that the window came up and drew
//! something (a PNG of the window size with many distinct colours). Skips, with a message,
//! where `xvfb-run` is not installed.
#![cfg(feature = "gui")]

use std::process::Command;
use std::time::Duration;

#[test]
fn window_comes_up_under_xvfb_and_saves_a_screenshot() {
    if Command::new("xvfb-run").arg("--help").output().is_err() {
        eprintln!("skipping: xvfb-run is not installed (apt-get install xvfb)");
        return;
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let png = dir.path().join("window.png");
    let mut child = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1600x1000x24"])
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .env(dateline::app::SCREENSHOT_AND_EXIT_ENV, &png)
        // Keep the user's stored window state out of the test.
        .env("XDG_DATA_HOME", dir.path())
        .env("HOME", dir.path())
        .spawn()
        .expect("start xvfb-run");
    // Wait up to two minutes for the window to draw, save and close.
    let mut status = None;
    for _ in 0..1200 {
        if let Some(s) = child.try_wait().expect("wait for dateline") {
            status = Some(s);
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    if status.is_none() {
        let _ = child.kill();
        panic!("dateline did not exit within two minutes");
    }
    assert!(png.exists(), "no screenshot written (exit status {status:?})");
    let img = image::open(&png).expect("a readable PNG").to_rgba8();
    assert!(img.width() >= 1200 && img.height() >= 800, "window is {}x{}", img.width(), img.height());
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels().step_by(7) {
        colours.insert(p.0);
        if colours.len() > 200 {
            break;
        }
    }
    assert!(colours.len() > 200, "the window looks blank: {} colours", colours.len());
}
