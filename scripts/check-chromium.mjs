// Playwright cannot download its own browser here; we use Debian's Chromium. Say so clearly if it is missing.
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(path)) {
  console.error(`No Chromium at ${path}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  process.exit(1);
}
