import { Image, Text, View } from '@tarojs/components'
import type { Book } from '@shared/contracts/reading'
import { readersText } from '@/utils/readingText'

/** One recommended book; the whole card opens the book page (details and 打卡). `more`: the link's words instead of 去打卡 ›. */
export function BookCard({ book, onOpen, more }: { book: Book; onOpen: (id: string) => void; more?: string }) {
  return (
    <View
      className="book-card"
      data-testid="book-card"
      data-id={book.id}
      ariaRole={more ? undefined : 'link'}
      ariaLabel={`${book.title}，${book.author}`}
      onClick={() => onOpen(book.id)}
    >
      {book.cover ? (
        <Image
          className="book-card__cover"
          src={book.cover}
          mode="aspectFill"
          ariaLabel={`《${book.title}》封面`}
          nativeProps={{ alt: `《${book.title}》封面` }}
        />
      ) : null}
      <View className="book-card__body">
        <Text className="book-card__title" data-testid="book-card-title">
          《{book.title}》
        </Text>
        <Text className="book-card__author">{book.author}</Text>
        <Text className="book-card__blurb">{book.blurb}</Text>
        <View className="book-card__foot">
          <Text className="book-card__readers" data-testid="book-card-readers">
            {readersText(book.readers)}
          </Text>
          <Text className={`book-card__more${more ? ' book-card__more--note' : ''}`} data-testid="book-card-more">
            {more ?? '去打卡 ›'}
          </Text>
        </View>
      </View>
    </View>
  )
}
