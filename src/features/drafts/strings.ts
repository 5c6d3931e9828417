/**
 * The zh-CN strings of the drafts home (list, create, import, delete…) and of the history
 * panel join i18next when that code loads: the editor page's first load does without them
 * (src/i18n/areas.ts).
 */
import home from '../../i18n/zh-CN.json?area=draftsHome';
import history from '../../i18n/zh-CN.json?area=draftsHistory';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(home);
addSourceStrings(history);
