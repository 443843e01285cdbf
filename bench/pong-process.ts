/** The floor of the latency benchmark as its own process: a bare discord.js bot that answers "pong". */
import { startPongBot } from '../tools/fake-discord/pong-bot.js';

const [apiUrl, token] = process.argv.slice(2);
if (!apiUrl || !token) throw new Error('usage: pong-process API_URL TOKEN');
const bot = await startPongBot(apiUrl, token);
process.stdout.write('ready\n');
process.on('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
