import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ffmpegPath } from '~/modules/media/video-tools.server'

// Real files made by ffmpeg once per machine (a few seconds), kept in the temp directory.
const dir = path.join(tmpdir(), 'guth-media-fixtures-v1')

function make(name: string, args: string[]) {
  const file = path.join(dir, name)
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    const partial = `${file}.part${path.extname(file)}`
    execFileSync(ffmpegPath(), ['-v', 'error', '-y', ...args, partial])
    writeFileSync(file, readFileSync(partial))
  }
  return file
}

const picture = (seconds: number, size = '320x240') => ['-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=${size}:rate=25`]
const sound = (seconds: number) => ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`]

/** A short MP4 (H.264/AAC) as a phone would record it. */
export const validMp4 = () => make('valid.mp4', [...picture(2), ...sound(2), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'])

/** A WebM (VP8/Opus) as a browser's MediaRecorder makes it. */
export const validWebm = () => make('valid.webm', [...picture(2), ...sound(2), '-c:v', 'libvpx', '-b:v', '300k', '-c:a', 'libopus', '-shortest'])

/** A 4-second video, for the "too long" limit (set UPLOAD_MAX_SECONDS below 4). */
export const fourSecondMp4 = () => make('four-seconds.mp4', [...picture(4), '-c:v', 'libx264', '-pix_fmt', 'yuv420p'])

/** Sound only: a recording with the camera off. */
export const audioOnly = () => make('audio-only.m4a', [...sound(2), '-c:a', 'aac'])

/** The first half of an MP4 whose index sits at the end: the upload stopped halfway. */
export function truncatedMp4() {
  const file = path.join(dir, 'truncated.mp4')
  if (!existsSync(file)) {
    const whole = readFileSync(make('for-truncating.mp4', [...picture(3), ...sound(3), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac']))
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)))
  }
  return file
}

/** A faststart MP4 cut short: ffprobe reads the index, ffmpeg finds the picture missing. */
export function cutShortFaststartMp4() {
  const file = path.join(dir, 'cut-short-faststart.mp4')
  if (!existsSync(file)) {
    const whole = readFileSync(
      make('for-cutting.mp4', [...picture(3), ...sound(3), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart']),
    )
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 3)))
  }
  return file
}

/** A text file someone renamed to .mp4. */
export function textAsMp4() {
  const file = path.join(dir, 'notes.mp4')
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, 'These are my notes, not a video.\n'.repeat(40))
  }
  return file
}

export function emptyFile() {
  const file = path.join(dir, 'empty.mp4')
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, '')
  }
  return file
}

/** A WebM written as a stream, as MediaRecorder writes it: no duration in its header. */
export function streamedWebm() {
  const file = path.join(dir, 'streamed.webm')
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    const bytes = execFileSync(ffmpegPath(), ['-v', 'error', ...picture(2), '-c:v', 'libvpx', '-b:v', '300k', '-f', 'webm', 'pipe:1'], { maxBuffer: 64 * 1024 * 1024 })
    writeFileSync(file, bytes)
  }
  return file
}
