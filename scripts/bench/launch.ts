/**
 * The benchmark runs on a private build directory (`wxt build --mode bench` writes
 * `.output/chrome-mv3-bench`), so that a parallel `wxt build` of the usual output cannot swap the
 * extension under a running benchmark; otherwise it launches exactly as the tests do.
 */
import { launchWithExtension, type ExtensionBrowser } from '../launch-browser';

export function launchExtensionFrom(dir: string): Promise<ExtensionBrowser> {
  return launchWithExtension({ extensionDir: dir });
}
