//! The config file through the real binary.

use std::process::{Command, Output, Stdio};

fn run(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env_remove("PARALLAX_LIBRARY")
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn the_printed_default_config_is_valid_and_commented() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["config", "--default"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# quit = [\"q\", \"ctrl-c\"]"), "{text}");
    let file = dir.path().join("config.toml");
    std::fs::write(&file, &text).unwrap();
    let out = run(dir.path(), &["--config", file.to_str().unwrap(), "config"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("(valid)"));
}

#[test]
fn a_bad_config_names_the_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config/parallax");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        "[keys]\nquit = [\"q\"]\nfly = [\"f\"]\n",
    )
    .unwrap();
    let out = run(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("config.toml:3:") && err.contains("fly"),
        "{err}"
    );
}

#[test]
fn a_missing_config_named_on_the_command_line_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["--config", "/nonexistent/parallax.toml", "list"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/parallax.toml"));
}

#[test]
fn the_configs_library_is_used_after_flag_and_environment() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("from-config.db");
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, format!("library = {:?}\n", lib.to_str().unwrap())).unwrap();
    let out = run(
        dir.path(),
        &["--config", cfg.to_str().unwrap(), "list", "--json"],
    );
    assert!(out.status.success());
    assert!(lib.exists());
    let flag_lib = dir.path().join("flag.db");
    let out = run(
        dir.path(),
        &[
            "--config",
            cfg.to_str().unwrap(),
            "--library",
            flag_lib.to_str().unwrap(),
            "list",
        ],
    );
    assert!(out.status.success());
    assert!(flag_lib.exists());
}

/// A user's parties.toml beside the config adds a government the bundled
/// lexicon does not know, and its accounts are found.
#[test]
fn a_user_lexicon_adds_a_government() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config/parallax");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("parties.toml"),
        "[[party]]\nname = \"Ruritania\"\nnames = [\"Ruritania\"]\nadjectives = [\"Ruritanian\"]\n\
         offices = [\"Strelsau Palace\"]\n\
         people = [{ name = \"Rudolf Elphberg\", aliases = [\"Elphberg\"], role = \"monarch\", from = 2020 }]\n",
    )
    .unwrap();
    let article = dir.path().join("call.txt");
    std::fs::write(
        &article,
        "Elphberg and Macron speak by phone\n\n\
         King Rudolf Elphberg spoke by phone with French President Emmanuel Macron on Monday.\n\n\
         Elphberg urged closer ties, Strelsau Palace said in a statement.\n\n\
         Macron invited the king to Paris, the Elysee said.\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "import",
            "--published",
            "2024-03-04",
            article.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(dir.path(), &["calls", "--json"]);
    let calls: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let call = calls
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["parties"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == "Ruritania")
        })
        .expect("a call with Ruritania");
    assert_eq!(
        call["accounts"]["Ruritania"].as_array().unwrap().len(),
        1,
        "{call}"
    );
    assert_eq!(
        call["accounts"]["France"].as_array().unwrap().len(),
        1,
        "{call}"
    );
}

#[test]
fn a_bad_user_lexicon_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config/parallax");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("parties.toml"),
        "[[party]]\nname = \"X\"\nadjectivs = [\"Y\"]\n",
    )
    .unwrap();
    let out = run(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("parties.toml") && err.contains("line 3"),
        "{err}"
    );
}
