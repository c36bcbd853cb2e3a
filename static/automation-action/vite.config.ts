// The extension lets Vite's native config loader resolve the shared file too.
import { customUiConfig } from '../shared/vite-app-config.ts';

export default customUiConfig(import.meta.url);
