"""KAMdesk's resources (fonts, translations, icons, styles): read them through
kamdesk.resource_files. The build maps this folder into the package as kamdesk.resources."""
