import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import { getEnv } from '~/platform/env.server'

const run = promisify(execFile)
const require = createRequire(import.meta.url)

// The binaries shipped inside npm packages, unless the operator names others.
export const ffmpegPath = () => getEnv().FFMPEG_PATH ?? (require('@ffmpeg-installer/ffmpeg') as { path: string }).path
export const ffprobePath = () => getEnv().FFPROBE_PATH ?? (require('@ffprobe-installer/ffprobe') as { path: string }).path

/** Why a file is not accepted as a BSL video: the key of a message in locales/*\/bsl.json (reasons.*). */
export type RejectionReason = 'empty' | 'not_video' | 'no_picture' | 'too_long' | 'too_big' | 'damaged' | 'expired'

export type Probe =
  | { ok: true; durationSeconds: number; width: number; height: number; hasAudio: boolean; format: string }
  | { ok: false; reason: RejectionReason; detail?: string }

interface FfprobeOutput {
  streams?: { codec_type?: string; width?: number; height?: number; duration?: string; disposition?: { attached_pic?: number } }[]
  format?: { duration?: string; format_name?: string }
}

/** What ffprobe finds in the file: a real video (picture, duration, size) within the limits, or why not. */
export async function probeVideo(file: string, bytes: number): Promise<Probe> {
  const env = getEnv()
  if (bytes === 0) return { ok: false, reason: 'empty' }
  if (bytes > env.UPLOAD_MAX_BYTES) return { ok: false, reason: 'too_big' }
  let output: FfprobeOutput
  try {
    const { stdout } = await run(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
      timeout: 60_000,
      maxBuffer: 4 * 1024 * 1024,
    })
    output = JSON.parse(stdout) as FfprobeOutput
  } catch (error) {
    return { ok: false, reason: 'not_video', detail: ffprobeSaid(error, file) }
  }
  const streams = output.streams ?? []
  // A cover image in an audio file is a "video" stream too; it is not a picture that moves.
  const picture = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && (s.width ?? 0) > 0)
  const found = `format ${output.format?.format_name ?? '?'}, streams: ${streams.map((s) => s.codec_type ?? '?').join(', ') || 'none'}`
  if (!picture) return { ok: false, reason: streams.some((s) => s.codec_type === 'audio') ? 'no_picture' : 'not_video', detail: found }
  const durationSeconds = Number(output.format?.duration ?? picture.duration ?? (await measureDuration(file)))
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) return { ok: false, reason: 'damaged', detail: `${found}, no duration` }
  if (durationSeconds > env.UPLOAD_MAX_SECONDS) return { ok: false, reason: 'too_long', detail: `${durationSeconds}s over ${env.UPLOAD_MAX_SECONDS}s` }
  return {
    ok: true,
    durationSeconds,
    width: picture.width!,
    height: picture.height!,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
    format: output.format?.format_name ?? '',
  }
}

// ffprobe's own words for the log, without the file's path (ours, but the log needs only the cause).
function ffprobeSaid(error: unknown, file: string) {
  const said = (error as { stderr?: string }).stderr?.trim() || String(error)
  return said.replaceAll(file, 'input').slice(0, 300)
}

// Browsers' MediaRecorder writes WebM without a duration in its header: read the packets through.
async function measureDuration(file: string) {
  try {
    const { stderr } = await run(ffmpegPath(), ['-nostats', '-stats', '-i', file, '-map', '0:v:0', '-c', 'copy', '-f', 'null', '-'], {
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    })
    const times = [...stderr.matchAll(/time=(\d+):(\d+):(\d+(?:\.\d+)?)/g)]
    const last = times.at(-1)
    return last ? Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]) : undefined
  } catch {
    return undefined
  }
}

/**
 * A web-playable copy (H.264/AAC MP4 with the index at the front, so playback starts before the
 * whole file arrives) and a poster frame. Throws when ffmpeg cannot read the whole file.
 */
export async function makeWebVersion(source: string, outDir: string, probe: Extract<Probe, { ok: true }>) {
  const web = path.join(outDir, 'web.mp4')
  const poster = path.join(outDir, 'poster.jpg')
  const audio = probe.hasAudio ? ['-c:a', 'aac', '-b:a', '128k'] : ['-an']
  await run(
    ffmpegPath(),
    [
      ...['-v', 'error', '-xerror', '-y', '-i', source],
      ...['-map', '0:v:0', ...(probe.hasAudio ? ['-map', '0:a:0'] : [])],
      // Even dimensions (H.264 needs them), at most 1080 lines: enough to read hands and faces.
      ...['-vf', "scale='trunc(min(iw,iw*1080/ih)/2)*2':'trunc(min(ih,1080)/2)*2'"],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', ...audio],
      ...['-movflags', '+faststart', web],
    ],
    { timeout: 60 * 60_000, maxBuffer: 4 * 1024 * 1024 },
  )
  const at = Math.min(1, probe.durationSeconds / 2).toFixed(2)
  await run(ffmpegPath(), ['-v', 'error', '-y', '-ss', at, '-i', web, '-frames:v', '1', '-q:v', '3', poster], { timeout: 60_000 })
  return { web, poster }
}
