/** The grids' frame's zh-CN strings join i18next when its code loads (src/i18n/areas.ts). */
import strings from '../../i18n/zh-CN.json?area=editorGrid';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(strings);
