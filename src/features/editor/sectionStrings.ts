/** The header's and narrative sections' zh-CN strings join i18next when their code loads (src/i18n/areas.ts). */
import strings from '../../i18n/zh-CN.json?area=editorSections';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(strings);
