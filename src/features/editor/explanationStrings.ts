/** The explanation form's zh-CN strings join i18next when its code loads (src/i18n/areas.ts). */
import strings from '../../i18n/zh-CN.json?area=editorExplanation';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(strings);
