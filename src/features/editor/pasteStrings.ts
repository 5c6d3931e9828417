/** What a paste says: its zh-CN strings join i18next when the paste code loads (src/i18n/areas.ts). */
import strings from '../../i18n/zh-CN.json?area=editorPaste';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(strings);
