"""Icons, translations, styles and note templates, installed as outreach_app.resources."""
