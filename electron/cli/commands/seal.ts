// `seal`: seals the data folder now (signed, time-stamped when an authority answers).
import { openCore, type Command } from './context.js';

export const seal: Command = async (context) => {
  const core = openCore(context);
  try {
    const result = await core.api['seals:create'](undefined);
    process.stdout.write(
      `Sceau ${result.name} écrit (seals/${result.name}.json) : ${result.probes} sondage(s) de ${result.plannings} planning(s), ${
        result.stampedBy ? `horodaté par ${result.stampedBy}` : 'non horodaté (aucune autorité n’a répondu : nouvel essai au prochain sceau)'
      }${result.restamped > 0 ? ` ; ${result.restamped} sceau(x) antérieur(s) horodaté(s)` : ''}.\n`,
    );
    return 0;
  } finally {
    await core.close();
  }
};
