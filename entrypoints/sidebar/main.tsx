import { render } from 'preact';
import { openDatabase } from '../../src/db/database';
import { sendMessage } from '../../src/messaging/client';
import { watchPageContext } from '../../src/messaging/page-context';
import { defaultCountry } from '../../src/ui/locale';
import { Sidebar } from '../../src/ui/sidebar/Sidebar';
import { createSidebarModel } from '../../src/ui/sidebar/sidebar-model';
import '../../src/ui/theme.css';

const model = createSidebarModel({
  db: openDatabase(),
  defaultCountry: defaultCountry(),
  pageContext: {
    load: () => sendMessage('page.getContext', {}),
    watch: watchPageContext,
    teach: async () => {
      await sendMessage('teach.start', {});
    },
  },
});

render(<Sidebar model={model} />, document.getElementById('app') as HTMLElement);
void model.start().then(() => performance.mark('tally:interactive'));
