// Regenerates the demo's placeholder "BSL translation" (scripts/seed/media/placeholder-bsl.mp4
// and its poster): `npx tsx scripts/seed/make-placeholder-bsl.ts`. It is not a translation: a
// labelled card, so nobody mistakes demo content for real BSL. The captions (*.vtt) are hand-written.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ffmpeg from '@ffmpeg-installer/ffmpeg'

const dir = fileURLToPath(new URL('./media/', import.meta.url))
const font = process.env.FONT ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
if (!existsSync(font)) throw new Error(`No font at ${font}: set FONT to a .ttf file`)

const line = (text: string, size: number, y: string) =>
  `drawtext=fontfile=${font}:text='${text}':fontsize=${size}:fontcolor=white:x=(w-text_w)/2:y=${y}`
const card = [
  line('Placeholder for a', 34, 'h*0.18'),
  line('BSL translation', 34, 'h*0.18+44'),
  line('An àite eadar-theangachaidh BSL', 22, 'h*0.18+104'),
  // A running clock, so it is plain that the video plays.
  `drawtext=fontfile=${font}:text='%{eif\\:t\\:d} s':fontsize=18:fontcolor=white@0.8:x=(w-text_w)/2:y=h-40`,
].join(',')

execFileSync(ffmpeg.path, [
  '-y', '-hide_banner', '-loglevel', 'error',
  '-f', 'lavfi', '-i', 'color=c=0x0065bd:s=480x270:r=15:d=12',
  '-vf', card,
  '-c:v', 'libx264', '-profile:v', 'main', '-pix_fmt', 'yuv420p', '-b:v', '120k', '-maxrate', '160k', '-bufsize', '320k',
  '-movflags', '+faststart', '-an',
  `${dir}placeholder-bsl.mp4`,
])
execFileSync(ffmpeg.path, ['-y', '-hide_banner', '-loglevel', 'error', '-ss', '1', '-i', `${dir}placeholder-bsl.mp4`, '-frames:v', '1', '-q:v', '4', `${dir}placeholder-bsl-poster.jpg`])
console.log(`Wrote ${dir}placeholder-bsl.mp4 and placeholder-bsl-poster.jpg`)
