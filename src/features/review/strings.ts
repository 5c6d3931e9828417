/**
 * Review's zh-CN strings join i18next when review's code loads: the editor's first load does
 * without them (src/i18n/areas.ts).
 */
import strings from '../../i18n/zh-CN.json?area=review';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(strings);
